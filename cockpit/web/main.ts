import { CockpitDocument, RegionMapDocument, RegionTreeDocument } from '@cockpit/generated/operations';
import type { CockpitQuery, CockpitQueryVariables, RegionMapQuery } from '@cockpit/generated/operations';
import { PANELS } from '@cockpit/generated/panels';
import { DOMAINS, includeVariable, type DomainKey } from '../src/domains';
import { attributeErrors, describe, type GraphQLErrorEntry } from './errors';
import { clock } from './format';
import { request, RequestFailed } from './graphql';
import { el } from './dom';
import type { Panel } from './panel';
import { breadcrumb, flatten, parents, regionPicker, regionTree, type RegionNode } from './picker';
import { fitStage } from './screen';
import { readSettings, rememberRegion, rememberFigure } from './settings';
import { alertsPanel, collectAlerts, type AlertSources } from './alerts';
import { comparison } from './compare';
import { mapFigure, MAP_FIGURES, type ChildFigures, type OwnFigures } from './figures';
import { regionMap } from './map';

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
// the wall: domain panels left and right, the map at the centre with the alerts and the ranking below it
const columns = {
  left: el(board, 'div', 'column left'),
  centre: el(board, 'div', 'column centre'),
  right: el(board, 'div', 'column right'),
};
const PLACE: Record<DomainKey, keyof typeof columns> = {
  reform: 'left',
  governance: 'left',
  services: 'right',
  pilots: 'right',
  workforce: 'right',
};

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
    const section = el(columns[PLACE[domain.key]], 'section', 'panel');
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

const builtIn = DOMAINS.filter((domain) => slots.get(domain.key)?.panel).map((domain) => domain.key);
let figure = mapFigure(settings.figure, builtIn);

const mapSection = el(columns.centre, 'section', 'panel map-panel');
const mapHead = el(mapSection, 'h2', undefined, '区划地图');
const figurePicker = el(mapHead, 'span', 'figure-picker');
figurePicker.setAttribute('role', 'group');
figurePicker.setAttribute('aria-label', '地图着色指标');
for (const option of MAP_FIGURES.filter((f) => builtIn.includes(f.domain))) {
  const button = el(figurePicker, 'button', undefined, option.label);
  button.type = 'button';
  button.dataset.figure = option.key;
  button.addEventListener('click', () => {
    figure = option;
    rememberFigure(option.key);
    if (lastAnswer) showFigures(lastAnswer);
  });
}
const map = regionMap(el(mapSection, 'div', 'panel-body'), scale, (code) => navigate(code));
const lower = el(columns.centre, 'div', 'centre-lower');
const alertSection = el(lower, 'section', 'panel alerts-panel');
el(alertSection, 'h2', undefined, '预警待办');
const alerts = alertsPanel(el(alertSection, 'div', 'panel-body'), stage);
const compareSection = el(lower, 'section', 'panel compare-panel');
el(compareSection, 'h2', undefined, '下级对比');
const ranking = comparison(el(compareSection, 'div', 'panel-body'), scale, (code) => navigate(code));

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
  lastAnswer = { data, failed, general };
  showFigures(lastAnswer);
  alerts.show(collectAlerts(data as AlertSources, region.code), failed);
  void showOutlines(region.code);
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

let lastAnswer: Answer | undefined;

/** The map's colours and the ranking, from the children's figures in the same answer. */
function showFigures({ data, failed }: Answer) {
  const region = data?.region;
  if (!region) return;
  for (const button of figurePicker.querySelectorAll('button'))
    button.dataset.active = String(button.dataset.figure === figure?.key);
  const problem = figure && failed.get(figure.domain);
  const unavailable = problem ? `不可用（${problem}）` : undefined;
  const children = region.children as readonly ChildFigures[];
  // a township is drawn among its siblings: the figures in hand are its villages', not theirs
  map.colour({ figure, regions: mapHighlight ? [] : children, unavailable });
  ranking.show({ figure, regions: children, own: region as OwnFigures & { name: string }, unavailable });
}

/** Outlines, once per region (a second request; see web/map.ts), kept for the page's life. */
const outlines = new Map<string, Promise<NonNullable<RegionMapQuery['region']>>>();
let mapShown = '';
let mapHighlight: string | null = null;

function outlinesOf(code: string) {
  let found = outlines.get(code);
  if (!found) {
    found = request(RegionMapDocument, { code }, settings.token).then((answer) => {
      if (!answer.data?.region)
        throw new RequestFailed(answer.errors?.length ? describe(answer.errors[0]) : '无边界数据');
      return answer.data.region;
    });
    // a failure is asked again at the next refresh
    found.catch(() => outlines.delete(code));
    outlines.set(code, found);
  }
  return found;
}

async function showOutlines(code: string) {
  if (mapShown === code) return;
  const hasOutlines = (region: NonNullable<RegionMapQuery['region']>) =>
    region.children.some((c) => c.boundary);
  try {
    let drawn = await outlinesOf(code);
    let highlight: string | null = null;
    const parent = parentCodes.get(code);
    if (!hasOutlines(drawn) && parent) {
      const siblings = await outlinesOf(parent);
      if (hasOutlines(siblings)) [drawn, highlight] = [siblings, code];
    }
    if (code !== regionCode) return;
    mapShown = code;
    mapHighlight = highlight;
    if (!hasOutlines(drawn)) return map.missing('暂无下级区划边界（由测绘部门上传后显示）');
    map.outline(drawn, highlight);
    if (lastAnswer) showFigures(lastAnswer);
  } catch (error) {
    map.missing(`地图边界暂不可用：${error instanceof Error ? error.message : String(error)}`);
  }
}

const parentCodes = new Map<string, string>();
let crumbs: HTMLElement | undefined;
let picker: HTMLSelectElement | undefined;

/** The whole screen follows `code`: panels, map, ranking, alerts, the breadcrumb and the address. */
function navigate(code: string, push = true) {
  if (!regionsByCode.has(code) || code === regionCode) return;
  regionCode = code;
  if (push) rememberRegion(code, true);
  if (picker) picker.value = code;
  drawBreadcrumb();
  for (const slot of slots.values()) if (slot.panel) setPanelState(slot, 'loading');
  document.title = `${regionsByCode.get(code)?.name ?? ''} · 领导驾驶舱`;
  void refresh();
}

function drawBreadcrumb() {
  crumbs?.remove();
  crumbs = breadcrumb(left, regionCode, regionsByCode, parentCodes, (code) => navigate(code));
}

window.addEventListener('popstate', () => {
  const code = new URL(window.location.href).searchParams.get('region');
  if (code) navigate(code, false);
});

async function start(): Promise<void> {
  let tree;
  try {
    tree = await request(RegionTreeDocument, {}, settings.token);
  } catch (error) {
    setStatus('failed', `无法加载区划：${error instanceof Error ? error.message : String(error)}`);
    timer = setTimeout(() => void start(), settings.refreshMs);
    return;
  }
  const top = regionTree(tree.data?.provinces ?? [], tree.data?.regions ?? []);
  const regions = flatten(top);
  if (regions.length === 0) {
    setStatus('failed', tree.errors?.length ? `无法加载区划：${describe(tree.errors[0])}` : '没有区划数据');
    timer = setTimeout(() => void start(), settings.refreshMs);
    return;
  }
  for (const region of regions) regionsByCode.set(region.code, region);
  for (const [child, parent] of parents(top)) parentCodes.set(child, parent);
  if (!regionsByCode.has(regionCode)) regionCode = regions[0].code;
  document.title = `${regionsByCode.get(regionCode)?.name ?? ''} · 领导驾驶舱`;
  picker = regionPicker(left, regions, regionCode, (code) => navigate(code));
  drawBreadcrumb();
  await refresh();
}

void start();
