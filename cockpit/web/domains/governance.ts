import type { DisputeKind, GovernancePanelFragment } from '@cockpit/generated/operations';
import { monthlyBarAndLine } from '../charts';
import { DISPUTE_KINDS } from '../dispute-kinds';
import { el } from '../dom';
import { count, share } from '../format';
import {
  caption,
  chartArea,
  figure,
  freshnessNote,
  type Panel,
  type PanelFactory,
  figureLine,
} from '../panel';

const KIND: Record<DisputeKind, string> = DISPUTE_KINDS;

type Sub = GovernancePanelFragment['children'][number];

/** The worst level present colours a tile (none without figures). */
const tileLevel = ({ riskSummary: risk }: Sub) =>
  !risk ? 'none' : risk.high ? 'high' : risk.medium ? 'medium' : risk.low ? 'low' : 'none';

const governancePanel = ((body, context): Panel<{ region: GovernancePanelFragment }> => {
  const figures = el(body, 'div', 'figures six');
  const freshness = freshnessNote(body);
  const mediated = figure(figures, 'governance.mediated', '调解纠纷');
  const resolutionRate = figure(figures, 'governance.resolutionRate', '化解率');
  const local = figure(figures, 'governance.localResolutionShare', '镇村两级化解');
  const red = figure(figures, 'governance.openRed', '红色在办');
  const orange = figure(figures, 'governance.openOrange', '橙色在办');
  const risk = figure(figures, 'governance.atRisk', '风险村');
  // 信访: one line, the six tiles above being the disputes'
  const petitions = figureLine(body, 'governance.petitions');
  const charts = el(body, 'div');
  charts.style.cssText = 'display:flex;gap:8px;height:150px;flex:none';
  const monthChart = chartArea(charts, context);
  const kindChart = chartArea(charts, context);
  // the sub-regions as tiles coloured by their worst risk level (the map at the centre colours by a count)
  const gridCaption = caption(body, '');
  const tiles = el(body, 'div', 'tiles');
  tiles.dataset.list = 'governance.riskGrid';

  return {
    update({ region: { disputeStats: stats, riskSummary, children, petitionStats } }) {
      // null only when this domain's subgraph failed, and then the screen marks the panel unavailable
      if (!stats || !riskSummary) return;
      freshness(stats.freshness);
      petitions(
        petitionStats?.received,
        '信访 ',
        () =>
          ` 件 · 同比 ${share(petitionStats?.receivedChange)} · 按期答复 ${share(petitionStats?.onTimeReplyRate)}`,
      );
      mediated(stats.mediated, count(stats.mediated));
      resolutionRate(stats.resolutionRate, share(stats.resolutionRate), 'good');
      local(stats.localResolutionShare, share(stats.localResolutionShare));
      red(stats.openRed, count(stats.openRed), stats.openRed ? 'bad' : undefined);
      orange(stats.openOrange, count(stats.openOrange), stats.openOrange ? 'warn' : undefined);
      risk(riskSummary.atRisk, count(riskSummary.atRisk), riskSummary.high ? 'bad' : undefined);
      gridCaption.textContent =
        `风险村 高 ${count(riskSummary.high)} · 中 ${count(riskSummary.medium)} · 低 ${count(riskSummary.low)}` +
        '（下级区划；地图见中央）';
      monthlyBarAndLine(
        monthChart,
        stats.byMonth,
        { name: '调解', value: (m) => m.mediated },
        { name: '化解', value: (m) => m.resolved },
        44,
      );
      kindChart.setOption({
        tooltip: { trigger: 'item' },
        series: [
          {
            type: 'pie',
            radius: ['30%', '70%'],
            label: { color: '#d7e7ff', fontSize: 12 },
            data: stats.byKind
              .filter((k) => k.mediated > 0)
              .map((k) => ({ name: KIND[k.kind], value: k.mediated })),
          },
        ],
      });
      tiles.replaceChildren(
        ...children.map((sub) => {
          const tile = el(null, 'div', 'tile');
          tile.dataset.level = tileLevel(sub);
          tile.dataset.region = sub.code;
          el(tile, 'b', undefined, sub.name);
          const risk = sub.riskSummary;
          el(tile, 'span', 'high', `高${risk?.high ?? '—'} `);
          el(tile, 'span', 'medium', `中${risk?.medium ?? '—'} `);
          el(tile, 'span', 'low', `低${risk?.low ?? '—'}`);
          return tile;
        }),
      );
    },
  };
}) satisfies PanelFactory;

export default governancePanel;
