import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, print, visit } from 'graphql';
import { readSupergraph, subgraphsOf, DEFAULT_SUPERGRAPH_PATH } from '@county/gateway';
import { apiSchema } from '../src/checks';
import { checkChange, DEMO_USAGE_FILE, type UsageSnapshot } from '../src/ci';
import { SCHEMA_DIR } from '../src/committed';
import { composeBoth } from '../src/composition';

/**
 * `npm run schema:ci` (run by `npm test`, so by CI, before jest): a department's change is judged against the
 * usage a demo run recorded, as the registry would judge its publication.
 */

const committed = readSupergraph(DEFAULT_SUPERGRAPH_PATH);
const snapshot = JSON.parse(fs.readFileSync(DEMO_USAGE_FILE, 'utf8')) as UsageSnapshot;

/** The committed graph with `Type.field` taken out of `subgraph`'s SDL, composed as a publication would be. */
async function without(subgraph: string, type: string, field: string): Promise<string> {
  const members = subgraphsOf(committed).map(({ name, url }) => {
    const sdl = fs.readFileSync(path.join(SCHEMA_DIR, `${name}.graphql`), 'utf8');
    if (name !== subgraph) return { name, url, sdl };
    const edited = visit(parse(sdl), {
      FieldDefinition: (node, _key, _parent, _path, ancestors) => {
        const owner = ancestors[ancestors.length - 1] as { name?: { value: string } };
        return owner.name?.value === type && node.name.value === field ? null : undefined;
      },
    });
    return { name, url, sdl: print(edited) };
  });
  return composeBoth(members);
}

describe('schema:ci against the demo run’s recorded usage', () => {
  it('the committed usage names fields today’s API has (a stale snapshot would check nothing)', () => {
    const api = apiSchema(committed);
    expect(new Set(snapshot.uses.map((use) => use.client)).size).toBeGreaterThanOrEqual(2);
    const missing = snapshot.uses.filter(({ coordinate }) => {
      const [type, field] = coordinate.split('.');
      const named = api.getType(type);
      if (!named) return true;
      if (!field || !('getFields' in named || 'getValue' in named)) return false;
      return 'getFields' in named ? !(field in named.getFields()) : !named.getValue(field);
    });
    expect(missing).toEqual([]);
  });

  it('passes the committed graph against itself with no change', async () => {
    const verdict = await checkChange({ base: committed, next: committed, uses: snapshot.uses });
    expect(verdict).toEqual({ changes: [], broken: [], warnings: [] });
  });

  it('refuses removing a field the README’s dashboard query used, naming the client and operation', async () => {
    expect(snapshot.uses.some((use) => use.coordinate === 'ReformStats.lagging')).toBe(true);
    const verdict = await checkChange({
      base: committed,
      next: await without('reform', 'ReformStats', 'lagging'),
      uses: snapshot.uses,
    });
    expect(verdict.broken).toHaveLength(1);
    expect(verdict.broken[0].change.path).toBe('ReformStats.lagging');
    expect(verdict.broken[0].operations).toContain('dashboard-readme/(anonymous)');
  });

  it('lets the removal of a field nobody used pass, with a warning', async () => {
    expect(snapshot.uses.some((use) => use.coordinate === 'ReformStats.asOf')).toBe(false);
    const next = await without('reform', 'ReformStats', 'asOf');
    const verdict = await checkChange({ base: committed, next, uses: snapshot.uses });
    expect(verdict.broken).toEqual([]);
    expect(verdict.warnings.join('\n')).toMatch(/no client used ReformStats\.asOf/);

    // …unless a trusted document (the cockpit's operations) uses it: those always count as used
    const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trusted-')), 'manifest.json');
    const document = 'query Freshness { region(code: "990722") { reformStats(year: 2019) { asOf } } }';
    fs.writeFileSync(manifest, JSON.stringify({ sha: document }));
    const guarded = await checkChange({
      base: committed,
      next,
      uses: snapshot.uses,
      trustedDocumentsPath: manifest,
    });
    expect(guarded.broken.map((b) => b.operations)).toEqual([['trusted-documents/Freshness']]);
  });
});
