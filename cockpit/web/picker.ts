import { el } from './dom';
import { optionLabels, type RegionNode } from './region-tree';

export { flatten, parents, regionTree, type CityNode, type RegionNode } from './region-tree';

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
  const labels = optionLabels(regions);
  regions.forEach((region, i) => {
    el(select, 'option', undefined, labels[i]).value = region.code;
  });
  select.value = selected;
  select.addEventListener('change', () => onPick(select.value));
  return select;
}

/** (瀚岚省 ›) 云澜市 › 澄川县 › 某镇: the way back up, each level a link (`onPick` receives its code). */
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
