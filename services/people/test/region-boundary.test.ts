import { DEMO_CITY_CODE, DEMO_COUNTY_CODE } from '@county/demo-data';
import type { Claims } from '@county/kit';
import { peopleSubgraph } from '@county/people';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { booleanPointInPolygon, booleanValid } from '@turf/turf';

/*
 * Region outlines for the cockpit's map: the demo's fictional ones from the seeder, an upload for the
 * children of a county refused naming the feature and the rule (nothing changed), and a good one stored
 * and served as Region.boundary through the gateway.
 */
let people: TestSubgraph;
let gateway: TestGateway;
const hr: Claims = { sub: 'hr-map-maintainer', roles: ['hr'] };
const leader: Claims = { sub: 'leader-looking', roles: ['leader'] };

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  gateway = await startTestGateway([people]);
});
afterAll(async () => {
  await gateway?.stop();
  await people?.close();
});

const BOUNDARIES = `query ($code: ID!) {
  region(code: $code) {
    boundary { digest fictional source geometry }
    children { code name boundary { digest fictional source geometry labelPoint } }
  }
}`;

async function outlines(code = DEMO_COUNTY_CODE) {
  const answer = await gateway.query<any>(BOUNDARIES, { code }, { claims: leader });
  expect(answer.errors).toBeUndefined();
  return answer.data.region;
}

async function upload(body: string, claims: Claims = hr, parent = DEMO_COUNTY_CODE) {
  const url = `${gateway.url.replace(/\/graphql$/, '')}/files/people/region-boundaries.geojson?parent=${parent}&source=${encodeURIComponent('澄川县自然资源局 审图号 演示')}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await gateway.token(claims)}`,
      'content-type': 'application/geo+json',
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** The county's children as a FeatureCollection, each outline shrunk towards its centre (so inside it). */
function collectionFrom(children: any[], change: (features: any[]) => void = () => {}) {
  const features = children.map((child) => ({
    type: 'Feature',
    properties: { code: child.code },
    geometry: child.boundary.geometry,
  }));
  change(features);
  return JSON.stringify({ type: 'FeatureCollection', features });
}

describe('region outlines', () => {
  it('the seeder gives the demo city, its county and its townships valid outlines marked fictional', async () => {
    const city = await outlines(DEMO_CITY_CODE);
    expect(city.boundary.fictional).toBe(true);
    expect(city.children.length).toBeGreaterThan(0);
    const county = await outlines();
    expect(county.children.length).toBeGreaterThan(3);
    for (const township of county.children) {
      expect(township.boundary).toMatchObject({ fictional: true, source: expect.stringContaining('虚构') });
      expect(['Polygon', 'MultiPolygon']).toContain(township.boundary.geometry.type);
      expect(booleanValid(township.boundary.geometry)).toBe(true);
      // where the map writes the name: inside the outline
      expect(booleanPointInPolygon(township.boundary.labelPoint, township.boundary.geometry)).toBe(true);
    }
    // one digest per outline: distinct outlines, distinct digests
    expect(new Set(county.children.map((t: any) => t.boundary.digest)).size).toBe(county.children.length);
  });

  it('refuses a bad upload naming the feature and the rule, changing nothing', async () => {
    const before = await outlines();
    const children = before.children;
    const far = {
      type: 'Polygon',
      coordinates: [
        [
          [100, 40],
          [100.1, 40],
          [100.1, 40.1],
          [100, 40.1],
          [100, 40],
        ],
      ],
    };
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [113, 28],
          [113.1, 28.1],
          [113.1, 28],
          [113, 28.1],
          [113, 28],
        ],
      ],
    };
    const cases: [string, string, string, RegExp][] = [
      ['not json', 'body', 'json', /not JSON/],
      [JSON.stringify({ type: 'Feature' }), 'body', 'feature-collection', /FeatureCollection/],
      [
        collectionFrom(children, (f) => (f[2].geometry = far)),
        'features[2].geometry',
        'within-parent',
        new RegExp(`feature 2 \\(code ${children[2].code}\\).*outside`),
      ],
      [
        collectionFrom(children, (f) => (f[1].geometry = bowtie)),
        'features[1].geometry',
        'valid-geometry',
        new RegExp(`feature 1 \\(code ${children[1].code}\\)`),
      ],
      [
        collectionFrom(children, (f) => (f[3].properties.code = children[0].code)),
        'features[3].properties.code',
        'one-per-child',
        /feature 3 .*repeats feature 0/,
      ],
      [
        collectionFrom(children, (f) => (f[0].properties.code = '990723001')),
        'features[0].properties.code',
        'child-of-parent',
        /990723001/,
      ],
      [
        collectionFrom(children, (f) => f.pop()),
        'features',
        'one-per-child',
        new RegExp(`no feature for ${children.at(-1).code}`),
      ],
      [
        collectionFrom(children, (f) => (f[4].geometry = { type: 'Point', coordinates: [113, 28] })),
        'features[4].geometry',
        'polygon',
        /Polygon/,
      ],
    ];
    for (const [body, field, rule, message] of cases) {
      const refused = await upload(body);
      expect({
        status: refused.status,
        field: refused.body.errors?.[0].extensions.field,
        rule: refused.body.errors?.[0].extensions.rule,
      }).toEqual({ status: 400, field, rule });
      expect(refused.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(refused.body.errors[0].message).toMatch(message);
    }
    // a leader may look, not upload
    expect((await upload(collectionFrom(children), leader)).status).toBe(403);
    expect(await outlines()).toEqual(before);
  });

  it('stores a good upload and serves it: Region.boundary and the GeoJSON file route', async () => {
    const before = await outlines();
    // the same outlines with one vertex of the first township moved a little inwards (a new survey)
    const moved = collectionFrom(before.children, (features) => {
      const geometry = features[0].geometry;
      const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0];
      const [cx, cy] = ring
        .slice(0, -1)
        .reduce(
          ([x, y]: number[], [px, py]: number[]) => [x + px / (ring.length - 1), y + py / (ring.length - 1)],
          [0, 0],
        );
      ring[1] = [Number(((ring[1][0] + cx) / 2).toFixed(5)), Number(((ring[1][1] + cy) / 2).toFixed(5))];
    });
    const stored = await upload(moved);
    expect(stored.status).toBe(200);
    expect(stored.body.stored).toHaveLength(before.children.length);
    const after = await outlines();
    const first = after.children[0].boundary;
    expect(first).toMatchObject({ fictional: false, source: '澄川县自然资源局 审图号 演示' });
    expect(first.digest).not.toBe(before.children[0].boundary.digest);
    expect(first.geometry).toEqual(JSON.parse(moved).features[0].geometry);
    // the others' geometry unchanged, so their digests too (a client keeps what it has)
    expect(after.children.slice(1).map((c: any) => c.boundary.digest)).toEqual(
      before.children.slice(1).map((c: any) => c.boundary.digest),
    );
    const file = await fetch(
      `${gateway.url.replace(/\/graphql$/, '')}/files/people/region-boundaries.geojson?parent=${DEMO_COUNTY_CODE}`,
      { headers: { authorization: `Bearer ${await gateway.token(leader)}` } },
    );
    expect(file.status).toBe(200);
    const served = (await file.json()) as any;
    expect(served.features.map((f: any) => f.properties.code)).toEqual(
      after.children.map((c: any) => c.code),
    );
    expect(served.features[0].geometry).toEqual(first.geometry);
  });
});
