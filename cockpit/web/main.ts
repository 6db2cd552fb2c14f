import { CockpitDocument, RegionTreeDocument } from '@cockpit/generated/operations';
import type { CockpitQuery, CockpitQueryVariables } from '@cockpit/generated/operations';
import { PANELS } from '@cockpit/generated/panels';
import { DOMAINS, includeVariable, type DomainKey } from '../src/domains';
import { attributeErrors, describe, type GraphQLErrorEntry } from './errors';
import { clock } from './format';
import { request, RequestFailed } from './graphql';
import { el } from './dom';
import type { Panel } from './panel';
import { flatten, regionPicker, type RegionNode } from './picker';
import { fitStage } from './screen';
import { readSettings, rememberRegion } from './settings';

const settings = readSettings();

const stage = el(document.body, 'div', 'stage');
const masthead = el(stage, 'header', 'masthead');
const left = el(masthead, 'div', 'left');
el(masthead, 'h1', undefined, '县域治理图谱 · 领导驾驶舱');
const right = el(masthead, 'div', 'right');
el(left, 'span', undefined, `统计年度 ${settings.year}`);
const status = el(right, 'span', 'status', '正在连接…');
status.dataset.state = 'loading';
const updated = el(right, 'span', 'updated', '最后更新 —');
const board = el(stage, 'main', 'board');
const scale = fitStage(stage);

interface PanelSlot {
  section: HTMLElement;
  message: HTMLElement;
  detail: HTMLElement;
  /** Typed by its own fragments; handed the whole answer (see PanelFactory). */
  panel?: Panel<CockpitQuery>;
}

const STATE_TEXT = { loading: '加载中', ok: '', unavailable: '不可用', off: '未接入' } as const;

function setPanelState(slot: PanelSlot, state: keyof typeof STATE_TEXT, detail = '') {
  slot.section.dataset.state = state;
  slot.message.textContent = STATE_TEXT[state];
  slot.detail.textContent = detail;
}

const regionsByCode = new Map<string, RegionNode>();
let regionCode = settings.regionCode ?? '';

const slots = new Map<DomainKey, PanelSlot>(
  DOMAINS.map((domain) => {
    const section = el(board, 'section', 'panel');
    section.dataset.domain = domain.key;
    el(section, 'h2', undefined, domain.title);
    const body = el(section, 'div', 'panel-body');
    const state = el(section, 'div', 'panel-state');
    const slot: PanelSlot = { section, message: el(state, 'span'), detail: el(state, 'small') };
    slot.panel = PANELS[domain.key]?.(body, { scale }) as Panel<CockpitQuery> | undefined;
    if (slot.panel) setPanelState(slot, 'loading');
    else setPanelState(slot, 'off', `${domain.field} 尚未接入本驾驶舱的构建`);
    return [domain.key, slot];
  }),
);

window.addEventListener('resize', () => fitStage(stage));

function setStatus(state: 'ok' | 'partial' | 'failed', text: string) {
  status.dataset.state = state;
  status.textContent = text;
}

/** The variables of the one operation: the region, the period, and which domains to include. */
function variables(without: ReadonlySet<DomainKey>): CockpitQueryVariables {
  const include = Object.fromEntries(
    DOMAINS.map((domain) => [includeVariable(domain.key), !without.has(domain.key)]),
  );
  return Object.assign(
    { code: regionCode },
    { year: settings.year, from: settings.from, to: settings.to },
    include,
  );
}

interface Answer {
  data: CockpitQuery | null;
  /** Domains that failed, with the reason a leader reads. */
  failed: Map<DomainKey, string>;
  general: GraphQLErrorEntry[];
}

/**
 * One request for every panel. Only when the answer lost the region (a failed domain's non-null field
 * took it down) is the question asked once more without the failed domains, so that the others still
 * show fresh figures.
 */
async function fetchAnswer(signal: AbortSignal): Promise<Answer> {
  const first = await request(CockpitDocument, variables(new Set()), settings.token, signal);
  const { byDomain, general } = attributeErrors(first.errors);
  if (first.data?.region || byDomain.size === 0 || general.length > 0) {
    return { data: first.data ?? null, failed: byDomain, general };
  }
  const retry = await request(CockpitDocument, variables(new Set(byDomain.keys())), settings.token, signal);
  const again = attributeErrors(retry.errors);
  for (const [key, reason] of again.byDomain) byDomain.set(key, reason);
  return { data: retry.data ?? null, failed: byDomain, general: again.general };
}

let generation = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: AbortController | undefined;

/** Refreshes every panel; then again in `refreshMs`, whatever happened. */
async function refresh(): Promise<void> {
  clearTimeout(timer);
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const mine = ++generation;
  try {
    const answer = await fetchAnswer(controller.signal);
    if (mine !== generation) return;
    show(answer);
  } catch (error) {
    if (mine !== generation) return;
    const reason = error instanceof RequestFailed ? error.message : '请求失败';
    setStatus('failed', `更新失败：${reason}，${settings.refreshMs / 1000} 秒后重试`);
  } finally {
    if (mine === generation) timer = setTimeout(() => void refresh(), settings.refreshMs);
  }
}

function show({ data, failed, general }: Answer) {
  const region = data?.region;
  if (!data || !region) {
    // the region itself did not come back (the directory is down, or the code is unknown): keep what is shown
    const reason = general.length ? describe(general[0]) : `未找到区划 ${regionCode}`;
    setStatus('failed', `更新失败：${reason}`);
    console.warn('cockpit: no region in the answer', general);
    return;
  }
  for (const [key, slot] of slots) {
    if (!slot.panel) continue;
    const problem = failed.get(key);
    if (problem) {
      setPanelState(slot, 'unavailable', problem);
      continue;
    }
    slot.panel.update(data);
    setPanelState(slot, 'ok');
  }
  if (general.length) console.warn('cockpit: errors no panel owns', general);
  const now = new Date();
  updated.textContent = `最后更新 ${clock(now)}`;
  document.body.dataset.updatedAt = now.toISOString();
  document.body.dataset.region = region.code;
  setStatus(
    failed.size || general.length ? 'partial' : 'ok',
    failed.size ? `${failed.size} 个板块不可用` : general.length ? '部分数据异常' : '数据正常',
  );
}

async function start(): Promise<void> {
  let tree;
  try {
    tree = await request(RegionTreeDocument, {}, settings.token);
  } catch (error) {
    setStatus('failed', `无法加载区划：${error instanceof Error ? error.message : String(error)}`);
    timer = setTimeout(() => void start(), settings.refreshMs);
    return;
  }
  const regions = flatten(tree.data?.regions ?? []);
  if (regions.length === 0) {
    setStatus('failed', tree.errors?.length ? `无法加载区划：${describe(tree.errors[0])}` : '没有区划数据');
    timer = setTimeout(() => void start(), settings.refreshMs);
    return;
  }
  for (const region of regions) regionsByCode.set(region.code, region);
  if (!regionsByCode.has(regionCode)) regionCode = regions[0].code;
  document.title = `${regionsByCode.get(regionCode)?.name ?? ''} · 领导驾驶舱`;
  regionPicker(left, regions, regionCode, (code) => {
    regionCode = code;
    rememberRegion(code);
    for (const slot of slots.values()) if (slot.panel) setPanelState(slot, 'loading');
    document.title = `${regionsByCode.get(code)?.name ?? ''} · 领导驾驶舱`;
    void refresh();
  });
  await refresh();
}

void start();
