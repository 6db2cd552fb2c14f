import { assertPerformAction, entityGroupLoader, mayPerformAction, type SubgraphContext } from '@county/kit';
import { GovernanceCentre } from '../centre/governance-centre.entity';
import { permissions, type PetitionScope } from '../permissions';
import { PetitionBureau } from './petition-bureau.entity';

/** The regions of the bureaus and centres the caller's departments run, loaded once per request. */
async function scopeOf(ctx: SubgraphContext, regionCode: string): Promise<PetitionScope> {
  const departments = ctx.identity.isAnonymous ? [] : ctx.identity.departments;
  if (!departments.length) return { regionCode, bureauRegions: [], centreRegions: [] };
  const regionsOf = (found: (Error | { regionCode: string }[])[]) =>
    found.flatMap((rows) => {
      if (rows instanceof Error) throw rows;
      return rows.map((row) => row.regionCode);
    });
  const [bureaus, centres] = await Promise.all([
    entityGroupLoader(ctx, PetitionBureau, 'organizationId', { regionCode: 'asc' }).loadMany(departments),
    entityGroupLoader(ctx, GovernanceCentre, 'organizationId', { regionCode: 'asc' }).loadMany(departments),
  ]);
  const [bureauRegions, centreRegions] = [regionsOf(bureaus), regionsOf(centres)];
  return { regionCode, bureauRegions, centreRegions };
}

/** Refuses (UNAUTHENTICATED / FORBIDDEN) unless the caller acts for the petitions bureau over `regionCode`. */
export async function assertPetitionBureau(
  ctx: SubgraphContext,
  action: 'petition.write' | 'petition.set-time-limits',
  regionCode: string,
): Promise<void> {
  assertPerformAction(ctx, permissions, action, await scopeOf(ctx, regionCode));
}

/**
 * Whether the caller may read a petition's petitioners, subject and reply: the county's petitions bureau, as
 * a dispute's parties, the petition's township, the county's governance centre or hr (`petition.read-petitioners`).
 */
export async function seesPetitioners(ctx: SubgraphContext, regionCode: string): Promise<boolean> {
  if (ctx.identity.isAnonymous) return false;
  if (ctx.identity.has('hr') || ctx.identity.coversRegion(regionCode)) return true;
  return mayPerformAction(ctx, permissions, 'petition.read-petitioners', await scopeOf(ctx, regionCode));
}
