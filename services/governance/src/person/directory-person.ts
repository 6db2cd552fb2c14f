import { badInput, type DirectoryPersonPlacement, type SubgraphContext } from '@county/kit';

/** A person as the directory has them (roles, where they work), or bad input on `field` with rule `exists`. */
export async function requireDirectoryPerson(
  ctx: SubgraphContext,
  field: string,
  id: string,
  role: string,
): Promise<DirectoryPersonPlacement> {
  const person = await ctx.directory.personPlacement(id);
  if (!person) throw badInput(field, 'exists', `no Person with id "${id}" in the directory`);
  if (!person.roles.includes(role)) throw badInput(field, 'role', `does not hold the role ${role}`);
  return person;
}
