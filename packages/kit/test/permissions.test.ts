import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import {
  assertPerformAction,
  definePermissions,
  Identity,
  mayPerformAction,
  permissionsReadmeCheck,
  permissionsTable,
  sharedRules,
  withPermissionsTable,
} from '@county/kit';

const permissions = definePermissions({
  'task.write': { what: 'write tasks', ...sharedRules.reformOffice },
  'report.submit': {
    what: 'report on its own task',
    roles: ['department:<the task’s lead organisation>'],
    allowedRoles: (task: { lead: string }) => [`department:${task.lead}`],
    allows: (identity, task: { lead: string }) => identity.departments.includes(task.lead),
  },
});

const as = (...roles: string[]) => ({ identity: Identity.fromClaims({ sub: 'u', roles }) });
const LEAD = '11111111-1111-4111-8111-111111111111';

const refusal = (work: () => void): GraphQLError => {
  try {
    work();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected a refusal');
};

describe('assertPerformAction', () => {
  it('refuses the anonymous viewer as UNAUTHENTICATED, whatever the action', () => {
    const error = refusal(() =>
      assertPerformAction({ identity: Identity.anonymous }, permissions, 'task.write'),
    );
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses with the roles of the rule that refused, named for the subject when it can be', () => {
    expect(refusal(() => assertPerformAction(as('leader'), permissions, 'task.write')).extensions).toEqual({
      code: 'FORBIDDEN',
      allowedRoles: ['reform-office'],
    });
    const error = refusal(() =>
      assertPerformAction(as('reform-office'), permissions, 'report.submit', { lead: LEAD }),
    );
    expect(error.extensions).toEqual({ code: 'FORBIDDEN', allowedRoles: [`department:${LEAD}`] });
    expect(error.message).toBe(`This operation (report.submit) needs one of the roles: department:${LEAD}`);
  });

  it('lets the rule’s holders through; mayPerformAction answers without throwing', () => {
    assertPerformAction(as('reform-office'), permissions, 'task.write');
    assertPerformAction(as(`department:${LEAD}`), permissions, 'report.submit', { lead: LEAD });
    expect(mayPerformAction(as('reform-office'), permissions, 'task.write')).toBe(true);
    expect(mayPerformAction({ identity: Identity.anonymous }, permissions, 'task.write')).toBe(false);
  });

  it('checks action names and subjects at compile time', () => {
    const ctx = as('reform-office');
    // @ts-expect-error: no such action
    expect(() => assertPerformAction(ctx, permissions, 'task.delete')).toThrow();
    // @ts-expect-error: report.submit needs its task
    expect(() => assertPerformAction(ctx, permissions, 'report.submit')).toThrow();
    // @ts-expect-error: task.write takes no subject
    assertPerformAction(ctx, permissions, 'task.write', { lead: LEAD });
  });
});

describe('the README table', () => {
  it('lists each action with what it is and who may', () => {
    expect(permissionsTable(permissions).split('\n')).toEqual([
      '| action          | what                   | who may                                     |',
      '| --------------- | ---------------------- | ------------------------------------------- |',
      '| `task.write`    | write tasks            | `reform-office`                             |',
      '| `report.submit` | report on its own task | `department:<the task’s lead organisation>` |',
    ]);
  });

  it('replaces the section in place, or appends it', () => {
    const appended = withPermissionsTable('# A\n\ntext\n', permissions);
    expect(appended.startsWith('# A\n\ntext\n\n## Who may do what\n')).toBe(true);
    const replaced = withPermissionsTable(
      appended.replace('`reform-office`', 'x') + '\n## Next\n',
      permissions,
    );
    expect(replaced).toBe(appended + '\n## Next\n');
  });
});

describe('permissionsReadmeCheck', () => {
  it('compares the README with the table and names the actions no source checks', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'permissions-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'README.md'), '# S\n');
    fs.writeFileSync(path.join(dir, 'src', 'permissions.ts'), "'task.write': {}, 'report.submit': {}");
    fs.writeFileSync(
      path.join(dir, 'src', 'task.ts'),
      "assertPerformAction(ctx, permissions, 'task.write');",
    );
    const check = permissionsReadmeCheck(dir, permissions);
    expect(check.readme).toBe('# S\n');
    expect(check.generated).toBe(withPermissionsTable('# S\n', permissions));
    expect(check.unused).toEqual(['report.submit']);
    fs.rmSync(dir, { recursive: true });
  });
});
