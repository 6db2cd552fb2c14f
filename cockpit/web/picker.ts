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
