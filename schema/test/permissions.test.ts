import path from 'node:path';
import { permissionsReadmeCheck } from '@county/kit';
import { SUBGRAPHS } from '../src/subgraphs';

const ROOT = path.join(__dirname, '..', '..');

describe.each(SUBGRAPHS.map(({ definition }) => [definition.name, definition] as const))(
  'the %s subgraph’s src/permissions.ts',
  (name, definition) => {
    const check = () =>
      permissionsReadmeCheck(path.join(ROOT, 'services', name), definition.permissions ?? {});

    it('is declared on its SubgraphDefinition', () => {
      expect(Object.keys(definition.permissions ?? {})).toContain('audit.read');
    });

    it('is its README’s "Who may do what" table (`UPDATE_README=1 npx jest schema/test/permissions` rewrites it)', () => {
      const { readme, generated } = check();
      expect(readme).toBe(generated);
    });

    it('lists only actions the subgraph checks', () => {
      expect(check().unused).toEqual([]);
    });
  },
);
