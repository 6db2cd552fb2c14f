import type {
  ReformListsFragment,
  ReformPanelFragment,
  ReformTaskStatus,
} from '@cockpit/generated/operations';
import { axisStyle } from '../charts';
import { el } from '../dom';
import { count, oneDecimal, percent } from '../format';
import { chartArea, figure, rankedList, type Panel, type PanelFactory, figureLine } from '../panel';

const STATUS: Record<ReformTaskStatus, string> = {
  NOT_STARTED: '未启动',
  IN_PROGRESS: '推进中',
  COMPLETED: '已完成',
  CLOSED: '已销号',
};

/** Special groups are named “…专项小组”; the suffix only crowds the axis. */
const shortGroup = (name: string) => name.replace(/专项小组$/, '');

const reformPanel = ((body, context): Panel<{ region: ReformPanelFragment & ReformListsFragment }> => {
  const figures = el(body, 'div', 'figures three');
  const total = figure(figures, 'reform.total', '任务总数');
  const completionRate = figure(figures, 'reform.completionRate', '完成率');
  const lagging = figure(figures, 'reform.lagging', '滞后任务');
  const progress = figure(figures, 'reform.progress', '实际 / 序时进度 %');
  const openOrders = figure(figures, 'reform.openSupervisionOrders', '未整改督办单');
  const overdueOrders = figure(figures, 'reform.overdueSupervisionOrders', '逾期督办单');
  // 月调度、督察、通报 in one line: the six tiles above are the tasks'
  const instruments = figureLine(body, 'reform.instruments');
  const statusChart = chartArea(body, context, 170);
  const groupChart = chartArea(body, context, 270);
  el(body, 'p', 'caption', '滞后任务（实际 / 序时进度）');
  const laggingList = rankedList(body, 'reform.laggingTasks');
  el(body, 'p', 'caption', '问效榜（考核总分）');
  const board = rankedList(body, 'reform.resultsBoard');

  return {
    update({ region: { reformStats: stats, reformInstrumentStats: tools, laggingTasks, resultsBoard } }) {
      // null only when this domain's subgraph failed, and then the screen marks the panel unavailable
      if (!stats) return;
      instruments(tools?.dispatchRounds, '月调度 ', () =>
        tools?.dispatchRounds
          ? ` 轮 · 报送率 ${percent(tools.dispatchCoverage)} · 未报 ${count(tools.unreportedEntries)}` +
            ` · 督察 ${count(tools.inspections)} · 通报 ${count(tools.bulletins)}` +
            `（表扬 ${count(tools.commendedMentions)} / 后进 ${count(tools.laggingMentions)}）`
          : ' 轮（本年度无调度记录）',
      );
      total(stats.total, count(stats.total));
      completionRate(stats.completionRate, percent(stats.completionRate), 'good');
      lagging(stats.lagging, count(stats.lagging), stats.lagging ? 'warn' : undefined);
      progress(
        stats.actualProgress,
        `${oneDecimal(stats.actualProgress)} / ${oneDecimal(stats.expectedProgress)}`,
      );
      openOrders(stats.openSupervisionOrders, count(stats.openSupervisionOrders));
      overdueOrders(
        stats.overdueSupervisionOrders,
        count(stats.overdueSupervisionOrders),
        stats.overdueSupervisionOrders ? 'bad' : undefined,
      );
      statusChart.setOption({
        tooltip: { trigger: 'item' },
        legend: { orient: 'vertical', right: 10, top: 'middle', textStyle: { color: '#d7e7ff' } },
        series: [
          {
            type: 'pie',
            radius: ['45%', '75%'],
            center: ['35%', '50%'],
            label: { color: '#d7e7ff', formatter: '{c}' },
            data: stats.byStatus.map((row) => ({ name: STATUS[row.status], value: row.count })),
          },
        ],
      });
      const groups = stats.bySpecialGroup;
      groupChart.setOption({
        tooltip: { trigger: 'axis' },
        legend: { data: ['序时进度', '实际进度'], top: 0, textStyle: { color: '#d7e7ff' } },
        grid: { left: 110, right: 20, top: 28, bottom: 20 },
        xAxis: { type: 'value', max: 100, ...axisStyle },
        yAxis: {
          type: 'category',
          inverse: true,
          data: groups.map((g) => shortGroup(g.specialGroup.name)),
          ...axisStyle,
        },
        series: [
          { name: '序时进度', type: 'bar', barGap: 0, data: groups.map((g) => g.expectedProgress) },
          { name: '实际进度', type: 'bar', data: groups.map((g) => g.actualProgress) },
        ],
      });
      laggingList(
        (laggingTasks?.nodes ?? []).map((task) => [
          `${task.title}（${task.leadOrganization.name}）`,
          `${oneDecimal(task.progress.actual)} / ${oneDecimal(task.progress.expected)}`,
        ]),
        '无滞后任务',
      );
      board(
        (resultsBoard ?? []).map((entry) => [
          `${entry.rank}. ${entry.organization.name}`,
          oneDecimal(entry.total),
        ]),
        '本年度尚无考核结果',
      );
    },
  };
}) satisfies PanelFactory;

export default reformPanel;
