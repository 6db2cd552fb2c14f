import { badInput, type SubgraphContext } from '@county/kit';

export interface DirectoryPerson {
  roles: string[];
  organization: { region: { code: string } } | null;
}

/** A person as the directory has them (roles, where they work), or bad input on `field` with rule `exists`. */
export async function requireDirectoryPerson(
  ctx: SubgraphContext,
  field: string,
  id: string,
  role: string,
): Promise<DirectoryPerson> {
  const { _entities: found } = await ctx.directory.query<{ _entities: (DirectoryPerson | null)[] }>(
    'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { roles organization { region { code } } } } }',
    { r: [{ __typename: 'Person', id }] },
  );
  const person = found[0];
  if (!person) throw badInput(field, 'exists', `no Person with id "${id}" in the directory`);
  if (!person.roles.includes(role)) throw badInput(field, 'role', `does not hold the role ${role}`);
  return person;
}
