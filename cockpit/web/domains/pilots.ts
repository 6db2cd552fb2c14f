import type { PilotLevel, PilotStage, PilotsPanelFragment } from '@cockpit/generated/operations';
import { axisStyle } from '../charts';
import { el } from '../dom';
import { count, share } from '../format';
import { chartArea, figure, type Panel, type PanelFactory } from '../panel';

const LEVEL: Record<PilotLevel, string> = { NATIONAL: '国家级', PROVINCIAL: '省级', MUNICIPAL: '市级' };
const STAGE: Record<PilotStage, string> = {
  PURSUING: '争取中',
  APPROVED: '已获批',
  IN_PROGRESS: '实施中',
  ACCEPTED: '已验收',
  PROMOTED: '已推广',
  CLOSED: '已销号',
};
const LEVELS = Object.keys(LEVEL) as PilotLevel[];
const STAGES = Object.keys(STAGE) as PilotStage[];

const pilotsPanel = ((body, context): Panel<{ region: PilotsPanelFragment }> => {
  const figures = el(body, 'div', 'figures');
  const carried = figure(figures, 'pilots.carried', '承担试点');
  const newThisYear = figure(figures, 'pilots.newThisYear', '当年新增 国/省/市');
  const leads = figure(figures, 'pilots.leadsWon', '线索争取成功');
  const leadRate = figure(figures, 'pilots.leadSuccessRate', '争取成功率');
  const satisfied = figure(figures, 'pilots.verySatisfiedShare', '评估非常满意率');
  const overdue = figure(figures, 'pilots.overduePilots', '逾期未验收');
  const chart = chartArea(body, context);

  return {
    update({ region: { pilotStats: stats } }) {
      // null only when this domain's subgraph failed, and then the screen marks the panel unavailable
      if (!stats) return;
      carried(stats.carried, count(stats.carried));
      // the graph counts new pilots per level; the screen shows the three side by side
      const perLevel = LEVELS.map(
        (level) => stats.byLevel.find((row) => row.level === level)?.newThisYear ?? 0,
      );
      newThisYear(perLevel.join('/'), perLevel.map(count).join(' / '));
      leads(stats.leadsWon, `${count(stats.leadsWon)} / ${count(stats.leadsIssued)}`);
      leadRate(stats.leadSuccessRate, share(stats.leadSuccessRate));
      satisfied(stats.verySatisfiedShare, share(stats.verySatisfiedShare), 'good');
      overdue(stats.overduePilots, count(stats.overduePilots), stats.overduePilots ? 'warn' : undefined);
      chart.setOption({
        tooltip: { trigger: 'axis' },
        legend: { top: 0, textStyle: { color: '#d7e7ff' } },
        grid: { left: 60, right: 16, top: 30, bottom: 24 },
        xAxis: { type: 'category', data: STAGES.map((stage) => STAGE[stage]), ...axisStyle },
        yAxis: { type: 'value', minInterval: 1, ...axisStyle },
        series: LEVELS.map((level) => ({
          name: LEVEL[level],
          type: 'bar',
          stack: 'level',
          data: STAGES.map(
            (stage) =>
              stats.byLevelAndStage.find((row) => row.level === level && row.stage === stage)?.count ?? 0,
          ),
        })),
      });
    },
  };
}) satisfies PanelFactory;

export default pilotsPanel;
