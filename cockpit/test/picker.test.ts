import { flatten, optionLabels, parents, regionTree, type CityNode } from '../web/region-tree';

const county = (code: string, name: string) => ({
  code,
  name,
  level: 'COUNTY',
  children: [{ code: `${code}001`, name: `${name}一镇`, level: 'TOWNSHIP' }],
});
const cities: CityNode[] = [
  {
    code: '990100',
    name: '临州市',
    level: 'CITY',
    parent: { code: '990000' },
    children: [county('990122', '甲县')],
  },
  {
    code: '990700',
    name: '云澜市',
    level: 'CITY',
    parent: { code: '990000' },
    children: [county('990722', '澄川县')],
  },
];
const province = { code: '990000', name: '瀚岚省', level: 'PROVINCE' };

describe('the region picker', () => {
  it('starts from the province when there is one, its cities below it', () => {
    const regions = flatten(regionTree([province], cities));
    expect(regions.map((r) => r.code)).toEqual([
      '990000',
      '990100',
      '990122',
      '990122001',
      '990700',
      '990722',
      '990722001',
    ]);
    expect(optionLabels(regions)).toEqual([
      '瀚岚省',
      '\u3000临州市',
      '\u3000\u3000甲县',
      '\u3000\u3000\u3000甲县一镇',
      '\u3000云澜市',
      '\u3000\u3000澄川县',
      '\u3000\u3000\u3000澄川县一镇',
    ]);
    expect(new Map(parents(regionTree([province], cities))).get('990700')).toBe('990000');
  });

  it('starts from the city, as before, when the directory holds no province', () => {
    const alone = [{ ...cities[1], parent: null }];
    const regions = flatten(regionTree([], alone));
    expect(regions.map((r) => r.code)).toEqual(['990700', '990722', '990722001']);
    expect(optionLabels(regions)).toEqual(['云澜市', '\u3000澄川县', '\u3000\u3000澄川县一镇']);
    expect(new Map(parents(regionTree([], alone))).has('990700')).toBe(false);
  });
});
