import type { ServicesPanelFragment } from '@cockpit/generated/operations';
import { monthlyBarAndLine } from '../charts';
import { el } from '../dom';
import { count, oneDecimal, share } from '../format';
import { chartArea, figure, freshnessNote, type Panel, type PanelFactory, figureLine } from '../panel';

const servicesPanel = ((body, context): Panel<{ region: ServicesPanelFragment }> => {
  const figures = el(body, 'div', 'figures');
  const freshness = freshnessNote(body);
  const cases = figure(figures, 'services.cases', '收件量');
  const growth = figure(figures, 'services.yearOnYearGrowth', '同比增长');
  const onTime = figure(figures, 'services.onTimeRate', '按时办结率');
  const p80 = figure(figures, 'services.p80WorkingDays', '80% 办结（工作日）');
  const online = figure(figures, 'services.onlineShare', '网办率');
  const satisfaction = figure(figures, 'services.satisfactionShare', '满意率');
  const bad = figure(figures, 'services.badReviews', '差评 / 按期整改');
  // 项目审批: one line under the tiles, as the reform panel's instruments
  const projects = figureLine(body, 'services.projects', true);
  const movedDown = figureLine(body, 'services.movedDown', true);
  const chart = chartArea(body, context);

  return {
    update({ region: { serviceStats: stats, projectStats: approvals, movedDown: down } }) {
      // null only when this domain's subgraph failed, and then the screen marks the panel unavailable
      if (!stats) return;
      projects(
        approvals?.projects,
        '项目审批 ',
        () =>
          ` 个 · 平均 ${oneDecimal(approvals?.averageWorkingDays)} 个工作日 · 目标内 ${share(approvals?.shareWithinTarget)}` +
          ` · 重大项目提前介入 ${share(approvals?.shareMajorEarlyInvolvement)}`,
      );
      movedDown(
        down?.townshipItems,
        '乡村可办事项 ',
        () => ` 项 · 高频审批进驻 ${count(down?.stationedApprovals)} · 下放 ${count(down?.delegatedItems)}`,
      );
      freshness(stats.freshness);
      // counted on a year whose official holiday schedule is not entered yet: the working-day figures may move
      const provisional = stats.calendarProvisional ? ' 临时口径' : '';
      figures.dataset.calendar = stats.calendarProvisional ? 'provisional' : 'official';
      cases(stats.received, count(stats.received));
      growth(stats.yearOnYearGrowth, share(stats.yearOnYearGrowth));
      onTime(stats.onTimeRate, share(stats.onTimeRate) + provisional, 'good');
      p80(stats.p80WorkingDays, count(stats.p80WorkingDays) + provisional);
      online(stats.onlineShare, share(stats.onlineShare));
      satisfaction(stats.satisfactionShare, share(stats.satisfactionShare), 'good');
      bad(
        stats.badReviews,
        `${count(stats.badReviews)} / ${count(stats.badReviewsRectifiedOnTime)}`,
        stats.badReviews > stats.badReviewsRectifiedOnTime ? 'warn' : undefined,
      );
      monthlyBarAndLine(
        chart,
        stats.byMonth,
        { name: '收件', value: (m) => m.received },
        { name: '办结', value: (m) => m.completed },
      );
    },
  };
}) satisfies PanelFactory;

export default servicesPanel;
