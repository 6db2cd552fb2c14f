import type { DomainKey } from '../src/domains';
import { DISPUTE_KINDS } from './dispute-kinds';
import { el } from './dom';
import { count, deliveredAt, percent } from './format';
import type { FeedView } from './panel';

/** One thing a leader should act on, with the record's facts and history as the graph gave them. */
export interface Alert {
  /** Lower is worse: the kinds in the order the issue ranks them. */
  rank: number;
  kind: string;
  id: string;
  title: string;
  /** The date that makes it late (a deadline, a report day), earliest first within a kind. */
  since: string;
  facts: [string, string][];
  history: string[];
}

interface DisputeList {
  nodes: {
    id: string;
    kind: string;
    status: string;
    reportedAt: unknown;
    region: { name: string };
    steps: { at: unknown; actor: string; status: string }[];
  }[];
}

/**
 * The lists the alerts are made of, as the domains' list fragments on `Region` select them (written out
 * here, not imported: a domain switched off in the build has no generated types, and its lists are then absent).
 */
export interface AlertSources {
  region?: {
    overdueOrders?: {
      nodes: {
        id: string;
        issuedOn: string;
        deadline: string;
        reason: string;
        status: string;
        task: { title: string; regionCode: string; leadOrganization: { name: string } };
      }[];
    } | null;
    redDisputes?: DisputeList | null;
    orangeDisputes?: DisputeList | null;
    overduePilots?: {
      nodes: {
        id: string;
        name: string;
        deadline: string;
        startsOn?: string | null;
        target: string;
        leadOrganization: { name: string };
      }[];
    } | null;
    laggingTasks?: {
      nodes: {
        id: string;
        title: string;
        plannedEnd: string;
        leadOrganization: { name: string };
        progress: { expected: number; actual: number };
        supervisionOrders: { issuedOn: string; deadline: string; status: string }[];
      }[];
    } | null;
    serviceStats?: { badReviews: number; badReviewsRectifiedOnTime: number; freshness?: FeedView[] } | null;
    disputeStats?: { freshness?: FeedView[] } | null;
    workforceStats?: { freshness?: FeedView[] } | null;
  };
}

const STATUS: Record<string, string> = {
  OPEN: '待答复',
  ANSWERED: '已答复未整改',
  RECTIFIED: '已整改',
  REGISTERED: '已登记',
  MEDIATING: '调解中',
};
const day = (value: unknown) => String(value ?? '').slice(0, 10);

/**
 * The alerts of the region shown, worst first: overdue supervision orders, open red disputes, pilots
 * overdue for acceptance, open orange disputes, bad reviews not rectified in time, lagging tasks, feeds gone
 * stale. Every
 * fact is a field of the graph's answer; the page only orders and words them.
 */
export function collectAlerts(data: AlertSources, regionCode: string): Alert[] {
  const alerts: Alert[] = [];
  const region = data.region;
  for (const order of region?.overdueOrders?.nodes ?? []) {
    alerts.push({
      rank: 0,
      kind: '督办逾期',
      id: order.id,
      title: order.task.title,
      since: order.deadline,
      facts: [
        ['督办事由', order.reason],
        ['下发日期', order.issuedOn],
        ['整改期限', order.deadline],
        ['状态', STATUS[order.status] ?? order.status],
        ['牵头单位', order.task.leadOrganization.name],
      ],
      history: [`${order.issuedOn} 下发督办单`, `${order.deadline} 整改期限届满，未整改`],
    });
  }
  const disputes = (list: DisputeList | null | undefined, rank: number, colour: string) => {
    for (const dispute of list?.nodes ?? [])
      alerts.push({
        rank,
        kind: `${colour}纠纷在办`,
        id: dispute.id,
        // the summary names the parties (personal data, masked for a leader): the kind says what it is
        title: `${dispute.region.name} · ${DISPUTE_KINDS[dispute.kind as keyof typeof DISPUTE_KINDS] ?? dispute.kind}纠纷`,
        since: day(dispute.reportedAt),
        facts: [
          ['风险等级', colour],
          ['状态', STATUS[dispute.status] ?? dispute.status],
          ['登记时间', day(dispute.reportedAt)],
          ['所在区划', dispute.region.name],
          ['纠纷类型', DISPUTE_KINDS[dispute.kind as keyof typeof DISPUTE_KINDS] ?? dispute.kind],
        ],
        history: dispute.steps.map(
          (step) => `${day(step.at)} ${step.actor} ${STATUS[step.status] ?? step.status}`,
        ),
      });
  };
  disputes(region?.redDisputes, 1, '红色');
  for (const pilot of region?.overduePilots?.nodes ?? [])
    alerts.push({
      rank: 2,
      kind: '试点逾期未验收',
      id: pilot.id,
      title: pilot.name,
      since: pilot.deadline,
      facts: [
        ['验收期限', pilot.deadline],
        ['开始实施', pilot.startsOn ?? '—'],
        ['牵头单位', pilot.leadOrganization.name],
        ['目标', pilot.target],
      ],
      history: [
        ...(pilot.startsOn ? [`${pilot.startsOn} 开始实施`] : []),
        `${pilot.deadline} 期限届满，未验收`,
      ],
    });
  disputes(region?.orangeDisputes, 3, '橙色');
  const services = region?.serviceStats;
  if (services && services.badReviews > services.badReviewsRectifiedOnTime)
    alerts.push({
      rank: 4,
      kind: '差评未按时整改',
      id: `bad-reviews-${regionCode}`,
      title: `差评 ${count(services.badReviews)} 件，按时整改 ${count(services.badReviewsRectifiedOnTime)} 件`,
      since: '',
      facts: [
        ['差评', count(services.badReviews)],
        ['按时整改', count(services.badReviewsRectifiedOnTime)],
      ],
      history: [],
    });
  for (const task of region?.laggingTasks?.nodes ?? [])
    alerts.push({
      rank: 5,
      kind: '任务滞后',
      id: task.id,
      title: task.title,
      since: task.plannedEnd,
      facts: [
        ['牵头单位', task.leadOrganization.name],
        ['应完成进度', percent(task.progress.expected)],
        ['实际进度', percent(task.progress.actual)],
        ['计划完成', task.plannedEnd],
      ],
      history: task.supervisionOrders.map(
        (order) =>
          `${order.issuedOn} 督办（期限 ${order.deadline}，${STATUS[order.status] ?? order.status}）`,
      ),
    });
  // a source that stopped delivering: the figures above it are older than they look
  const feeds = [region?.serviceStats, region?.disputeStats, region?.workforceStats].flatMap(
    (stats) => stats?.freshness ?? [],
  );
  for (const feed of feeds.filter((f) => f.stale)) {
    const last = feed.lastDeliveredAt ? deliveredAt(String(feed.lastDeliveredAt)) : '从未交付';
    alerts.push({
      rank: 6,
      kind: '数据源过期',
      id: `feed-${feed.title}`,
      title: `${feed.title}：${last}`,
      since: day(feed.lastDeliveredAt),
      facts: [
        ['数据源', feed.title],
        ['最近交付', last],
      ],
      history: [],
    });
  }
  return alerts.sort((a, b) => a.rank - b.rank || a.since.localeCompare(b.since));
}

const SOURCE: Partial<Record<DomainKey, string>> = {
  reform: '督办、滞后任务',
  governance: '红橙纠纷',
  pilots: '逾期试点',
  services: '差评整改',
};

/**
 * The alerts panel (a list of cards, each opening a drawer with the record). `failed` names the domains
 * whose lists could not be had: the panel says so rather than look calm.
 */
export function alertsPanel(parent: HTMLElement, drawerHost: HTMLElement) {
  const summary = el(parent, 'p', 'caption alerts-summary', '');
  const list = el(parent, 'ol', 'alerts');
  list.dataset.list = 'alerts';
  const drawer = el(drawerHost, 'aside', 'drawer');
  drawer.setAttribute('aria-hidden', 'true');
  const close = el(drawer, 'button', 'close', '关闭');
  close.type = 'button';
  const drawerKind = el(drawer, 'p', 'drawer-kind');
  const drawerTitle = el(drawer, 'h3');
  const facts = el(drawer, 'dl');
  el(drawer, 'h4', undefined, '经过');
  const history = el(drawer, 'ol', 'history');
  close.addEventListener('click', () => {
    drawer.dataset.open = 'false';
    drawer.setAttribute('aria-hidden', 'true');
  });

  function open(alert: Alert) {
    drawer.dataset.open = 'true';
    drawer.dataset.record = alert.id;
    drawer.setAttribute('aria-hidden', 'false');
    drawerKind.textContent = alert.kind;
    drawerTitle.textContent = alert.title;
    facts.replaceChildren(
      ...alert.facts.flatMap(([term, value]) => [
        el(null, 'dt', undefined, term),
        el(null, 'dd', undefined, value),
      ]),
    );
    history.replaceChildren(
      ...(alert.history.length ? alert.history : ['暂无记录']).map((line) => el(null, 'li', undefined, line)),
    );
  }

  return {
    show(alerts: Alert[], failed: ReadonlyMap<DomainKey, string>) {
      const missing = [...failed.keys()].map((key) => SOURCE[key]).filter(Boolean);
      summary.textContent =
        `${alerts.length} 项待办预警` + (missing.length ? ` · ${missing.join('、')} 不可用` : '');
      summary.dataset.unavailable = missing.length ? 'true' : 'false';
      list.replaceChildren(
        ...alerts.map((alert) => {
          const item = el(null, 'li', 'alert');
          item.dataset.rank = String(alert.rank);
          const button = el(item, 'button');
          button.type = 'button';
          button.dataset.record = alert.id;
          el(button, 'span', 'alert-kind', alert.kind);
          el(button, 'span', 'alert-title', alert.title);
          el(button, 'span', 'alert-since', alert.since);
          button.addEventListener('click', () => open(alert));
          return item;
        }),
      );
      if (alerts.length === 0) list.append(el(null, 'li', 'alert none', '暂无预警'));
    },
  };
}
