import { createChart, type Chart } from './charts';
import { el } from './dom';
import { count, deliveredAt } from './format';

/** What a panel may know besides its data. */
export interface PanelContext {
  /** The stage's scale when the panel was made (charts draw at the scaled pixel density). */
  scale: number;
}

export interface Panel<T> {
  update(data: T): void;
}

/**
 * One per domain, in `web/domains/<key>.ts` (default export); `body` is the panel's content area. Each
 * panel is typed by its own generated fragment types (`Panel<{ region: ReformPanelFragment } & …>`); the
 * page hands it the whole answer, and only when its domain was included and came back without error.
 */
export type PanelFactory = (body: HTMLElement, context: PanelContext) => Panel<never>;

export type Tone = 'good' | 'warn' | 'bad' | undefined;

/**
 * A headline figure. `data-figure` names it and `data-value` holds the graph's number unformatted, so a
 * test (or a screen reader) can compare what is shown with the graph's answer.
 */
export function figure(parent: HTMLElement, name: string, label: string) {
  const box = el(parent, 'div', 'figure');
  box.dataset.figure = name;
  el(box, 'span', 'label', label);
  const value = el(box, 'span', 'value', '—');
  return (raw: number | string | null | undefined, text: string, tone?: Tone) => {
    box.dataset.value = raw === null || raw === undefined ? '' : String(raw);
    value.textContent = text;
    if (tone) box.dataset.tone = tone;
    else delete box.dataset.tone;
  };
}

/** A chart area filling the space left in the panel (or `height` px when given). */
export function chartArea(parent: HTMLElement, context: PanelContext, height?: number): Chart {
  const host = el(parent, 'div', height ? 'chart fixed' : 'chart');
  if (height) host.style.height = `${height}px`;
  return createChart(host, context.scale);
}

/** A short ranked list: `[label, note]` rows. */
export function rankedList(parent: HTMLElement, name: string) {
  const list = el(parent, 'ol', 'list');
  list.dataset.list = name;
  return (rows: [string, string][], empty = '暂无') => {
    list.replaceChildren(
      ...(rows.length ? rows : [[empty, ''] as [string, string]]).map(([label, note]) => {
        const item = el(null, 'li');
        el(item, 'span', undefined, label);
        el(item, 'span', 'note', note);
        return item;
      }),
    );
  };
}

export function caption(parent: HTMLElement, text: string): HTMLParagraphElement {
  return el(parent, 'p', 'caption', text);
}

/**
 * One line of figures under a panel's tiles (信访 1,234 件 · 同比 …): its lead, its value and the rest,
 * with `data-value` for the value. `optional`: a region without any (no merge, no project) leaves the
 * line out rather than show a zero.
 */
export function figureLine(parent: HTMLElement, name: string, optional = false) {
  const line = el(parent, 'p', 'caption');
  line.dataset.figure = name;
  return (value: number | null | undefined, lead: string, rest: () => string): void => {
    line.hidden = optional && !value;
    line.dataset.value = value === null || value === undefined || line.hidden ? '' : String(value);
    line.replaceChildren();
    if (line.hidden) return;
    el(line, 'span', undefined, lead);
    el(line, 'span', 'value', count(value));
    el(line, 'span', undefined, rest());
  };
}

/** A statistic's feed, as `freshness` on the statistics answers it (issue 25). */
export interface FeedView {
  title: string;
  lastDeliveredAt?: unknown;
  stale: boolean;
}

/**
 * The panel's data freshness (数据更新): the latest delivery of each source feeding its figures, marked when a
 * source is stale (no delivery within its configured hours) — the graph says which, the page only shows it.
 * Nothing when the statistics have no feed.
 */
export function freshnessNote(parent: HTMLElement) {
  const note = el(parent, 'p', 'freshness');
  return (feeds: FeedView[] | null | undefined) => {
    const list = feeds ?? [];
    note.hidden = list.length === 0;
    note.dataset.stale = String(list.some((feed) => feed.stale));
    note.textContent = list
      .map((feed) => {
        const at = feed.lastDeliveredAt ? deliveredAt(String(feed.lastDeliveredAt)) : null;
        if (!at) return `${feed.title}：从未交付`;
        return feed.stale ? `${feed.title}：已过期（上次 ${at}）` : `${feed.title}：${at} 更新`;
      })
      .join('；');
  };
}
