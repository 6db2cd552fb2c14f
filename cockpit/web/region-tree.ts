/* The region picker's tree, without the DOM (cockpit/test/picker.test.ts runs it in Node). */

/** A region of the tree `RegionTree` loads: the province if any, the cities, their counties and townships. */
export interface RegionNode {
  code: string;
  name: string;
  level: string;
  children?: readonly RegionNode[];
}

/** A city as `RegionTree` lists it: with the code of its province (none when the directory holds none). */
export interface CityNode extends RegionNode {
  parent?: { code: string } | null;
}

const LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'];

/**
 * The picker's tree: each province with its cities below, so that the screen opens on the province (省) when
 * the directory holds one; cities without a province (the usual single-city deployment) stand at the top.
 */
export function regionTree(provinces: readonly RegionNode[], cities: readonly CityNode[]): RegionNode[] {
  const held = new Set(provinces.map((province) => province.code));
  return [
    ...provinces.map((province) => ({
      ...province,
      children: cities.filter((city) => city.parent?.code === province.code),
    })),
    ...cities.filter((city) => !held.has(city.parent?.code ?? '')),
  ];
}

/** Every region of the tree, the top first, each region followed by the ones below it. */
export function flatten(regions: readonly RegionNode[]): RegionNode[] {
  return regions.flatMap((region) => [region, ...flatten(region.children ?? [])]);
}

/** Each region's name, indented by its level below the top one (a city's counties one step, with or without a province). */
export function optionLabels(regions: readonly RegionNode[]): string[] {
  const top = LEVELS.indexOf(regions[0]?.level ?? 'CITY');
  return regions.map(
    (region) => `${'\u3000'.repeat(Math.max(0, LEVELS.indexOf(region.level) - top))}${region.name}`,
  );
}

/** Each region's parent, from the tree (`[child, parent]`). */
export function parents(regions: readonly RegionNode[]): [string, string][] {
  return regions.flatMap((region) => [
    ...(region.children ?? []).map((child): [string, string] => [child.code, region.code]),
    ...parents(region.children ?? []),
  ]);
}
