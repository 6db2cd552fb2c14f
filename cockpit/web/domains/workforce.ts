import type { CommunityPostType, WorkforcePanelFragment } from '@cockpit/generated/operations';
import { axisStyle } from '../charts';
import { el } from '../dom';
import { count, share } from '../format';
import { chartArea, figure, freshnessNote, type Panel, type PanelFactory, figureLine } from '../panel';

/** 三岗 of 三岗十八级. */
const POST: Record<CommunityPostType, string> = { HEAD: '正职', DEPUTY: '副职', OTHER: '其他社区工作者' };

const workforcePanel = ((body, context): Panel<{ region: WorkforcePanelFragment }> => {
  const figures = el(body, 'div', 'figures');
  const freshness = freshnessNote(body);
  const filled = figure(figures, 'workforce.filled', '社区工作者在岗');
  const quota = figure(figures, 'workforce.quota', '员额');
  const vacancies = figure(figures, 'workforce.vacancies', '员额空缺');
  const seconded = figure(figures, 'workforce.cadresInSecondment', '在挂职干部');
  // 撤乡并镇、撤并建制村 (people keeps the merges' ledgers): what the merges left behind, what became of it
  const merges = figureLine(body, 'workforce.mergeLedger', true);
  const charts = el(body, 'div');
  charts.style.cssText = 'display:flex;gap:8px;flex:1;min-height:0';
  const postChart = chartArea(charts, context);
  const levelChart = chartArea(charts, context);
  levelChart.getDom().style.flex = '2';

  return {
    update({ region: { workforceStats: stats, mergeLedgerStats: ledger } }) {
      // null only when this domain's subgraph failed, and then the screen marks the panel unavailable
      if (!stats) return;
      merges(
        ledger?.idleAssets,
        '两项改革 闲置资产 ',
        () =>
          ` 处 · 已处置 ${count(ledger?.disposed)}（${share(ledger?.disposalRate)}）` +
          ` · 公共设施调整 ${count(ledger?.facilitiesRestructured)}`,
      );
      freshness(stats.freshness);
      filled(stats.quota.filled, count(stats.quota.filled));
      quota(stats.quota.quota, count(stats.quota.quota));
      vacancies(
        stats.quota.vacancies,
        count(stats.quota.vacancies),
        stats.quota.vacancies ? 'warn' : undefined,
      );
      seconded(stats.cadresInSecondment, count(stats.cadresInSecondment));
      postChart.setOption({
        tooltip: { trigger: 'item' },
        legend: { bottom: 0, textStyle: { color: '#d7e7ff', fontSize: 12 } },
        series: [
          {
            type: 'pie',
            radius: ['35%', '65%'],
            center: ['50%', '42%'],
            label: { color: '#d7e7ff', formatter: '{c}' },
            data: stats.communityWorkersByPostType.map((row) => ({
              name: POST[row.postType],
              value: row.count,
            })),
          },
        ],
      });
      levelChart.setOption({
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 8, top: 16, bottom: 36 },
        xAxis: {
          type: 'category',
          name: '等级',
          nameLocation: 'center',
          nameGap: 22,
          data: stats.communityWorkersByLevel.map((row) => String(row.level)),
          ...axisStyle,
        },
        yAxis: { type: 'value', minInterval: 1, ...axisStyle },
        series: [{ name: '人数', type: 'bar', data: stats.communityWorkersByLevel.map((row) => row.count) }],
      });
    },
  };
}) satisfies PanelFactory;

export default workforcePanel;
