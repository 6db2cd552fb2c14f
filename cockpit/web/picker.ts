import { el } from './dom';

/** A region of the tree `RegionTree` loads: the city, its counties, their townships. */
export interface RegionNode {
  code: string;
  name: string;
  level: string;
  children?: readonly RegionNode[];
}

const INDENT: Record<string, string> = { CITY: '', COUNTY: '\u3000', TOWNSHIP: '\u3000\u3000' };

/** Every region of the tree, city first, each county followed by its townships. */
export function flatten(regions: readonly RegionNode[]): RegionNode[] {
  return regions.flatMap((region) => [region, ...flatten(region.children ?? [])]);
}

/** The region picker: one list, indented by level; `onPick` receives the chosen code. */
export function regionPicker(
  parent: HTMLElement,
  regions: readonly RegionNode[],
  selected: string,
  onPick: (code: string) => void,
): HTMLSelectElement {
  const select = el(parent, 'select');
  select.id = 'region-picker';
  select.setAttribute('aria-label', '选择区划');
  for (const region of regions) {
    const option = el(select, 'option', undefined, `${INDENT[region.level] ?? ''}${region.name}`);
    option.value = region.code;
  }
  select.value = selected;
  select.addEventListener('change', () => onPick(select.value));
  return select;
}

/** Each region's parent, from the tree (`[child, parent]`). */
export function parents(regions: readonly RegionNode[]): [string, string][] {
  return regions.flatMap((region) => [
    ...(region.children ?? []).map((child): [string, string] => [child.code, region.code]),
    ...parents(region.children ?? []),
  ]);
}

/** 云澜市 › 澄川县 › 某镇: the way back up, each level a link (`onPick` receives its code). */
export function breadcrumb(
  parent: HTMLElement,
  code: string,
  regions: ReadonlyMap<string, RegionNode>,
  parentOf: ReadonlyMap<string, string>,
  onPick: (code: string) => void,
): HTMLElement {
  const nav = el(parent, 'nav', 'breadcrumb');
  nav.setAttribute('aria-label', '区划层级');
  const path: string[] = [];
  for (let at: string | undefined = code; at; at = parentOf.get(at)) path.unshift(at);
  path.forEach((step, i) => {
    if (i > 0) el(nav, 'span', 'sep', '›');
    const name = regions.get(step)?.name ?? step;
    if (step === code) {
      el(nav, 'b', undefined, name).dataset.region = step;
      return;
    }
    const link = el(nav, 'button', undefined, name);
    link.type = 'button';
    link.dataset.region = step;
    link.addEventListener('click', () => onPick(step));
  });
  return nav;
}
