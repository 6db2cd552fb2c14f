import {
  assertPerformAction,
  auditPermissions,
  definePermissions,
  entityGroupLoader,
  mayPerformAction,
  type Rule,
  type SubgraphContext,
} from '@county/kit';
import { GovernanceCentre } from './centre/governance-centre.entity';
import { isWithin } from './within';

/** A write's region, and the regions of the governance centres the caller acts for (loaded by `assertWithin`). */
export interface RegionScope {
  regionCode: string;
  centreRegions: readonly string[];
}

/**
 * Grid workers and mediators act for their township (`township:<code>`): the grids, disputes, visits and
 * judgements inside it. The comprehensive governance centre acts as its host department
 * (`department:<organisation id>`, listed in `governance_centre`) for its whole county.
 */
const withinRegion: Rule<RegionScope> = {
  roles: ['township:<code covering the region>', 'department:<the governance centre of the county>'],
  allows: (identity, scope) =>
    identity.coversRegion(scope.regionCode) ||
    scope.centreRegions.some((centreRegion) => isWithin(scope.regionCode, centreRegion)),
};

/** Only the county's comprehensive governance centre, acting for its county (not a township). */
const governanceCentre: Rule<RegionScope> = {
  roles: ['department:<the governance centre of the county>'],
  allows: (_identity, scope) =>
    scope.centreRegions.some((centreRegion) => isWithin(scope.regionCode, centreRegion)),
};

/** A petition's region, and the counties whose petitions bureau (or governance centre) the caller acts for. */
export interface PetitionScope extends RegionScope {
  bureauRegions: readonly string[];
}

/** The county's petitions bureau (信访局), listed in `petition_bureau`, acting for its county. */
const petitionBureau: Rule<PetitionScope> = {
  roles: ['department:<the petitions bureau (信访局) of the county>'],
  allows: (_identity, scope) =>
    scope.bureauRegions.some((bureauRegion) => isWithin(scope.regionCode, bureauRegion)),
};

/**
 * Who may do what in the governance subgraph, the one list: every write checks its action here (through
 * `assertWithin`), and the README's "Who may do what" table is generated from it.
 */
export const permissions = definePermissions({
  'grid.write': { what: 'create and change a grid (网格)', ...withinRegion },
  'dispute.write': { what: 'register a dispute (登记纠纷) and record its next steps', ...withinRegion },
  'feed.deliver': {
    what: 'deliver the mediation platform’s dispute export (`POST /files/governance/feeds/dyhj-disputes`) for its county',
    roles: ['department:<the governance centre of the county>'],
    allows: (_identity, scope: { centreRegions: readonly string[] }) => scope.centreRegions.length > 0,
  },
  'dispute.joint-handling': {
    what: 'convene the joint handling (联席会办) of a referred dispute and record its outcome',
    ...governanceCentre,
  },
  'visit.record': { what: 'record a return visit (回访) on a dispute', ...withinRegion },
  'mediation-organization.create': { what: 'add a mediation organisation (调解组织)', ...withinRegion },
  'risk.judge': { what: 'judge a village’s risk (风险研判)', ...withinRegion },
  'dispute.read-parties': {
    what: 'read a dispute’s parties, summary and notes in full (others see them masked)',
    roles: ['hr', ...withinRegion.roles],
    allows: (identity, scope: RegionScope) => identity.has('hr') || withinRegion.allows(identity, scope),
  },
  'petition.write': {
    what: 'register a petition (信访件) and record its handling (acceptance, extension, reply, satisfaction, links)',
    ...petitionBureau,
  },
  'petition.set-time-limits': {
    what: 'set the county’s petition time limits (信访办理时限: acceptance, reply, extension)',
    ...petitionBureau,
  },
  'petition.read-petitioners': {
    what: 'read a petition’s petitioners, subject and reply in full (others see them masked)',
    roles: ['hr', ...withinRegion.roles, ...petitionBureau.roles],
    allows: (identity, scope: PetitionScope) =>
      identity.has('hr') || withinRegion.allows(identity, scope) || petitionBureau.allows(identity, scope),
  },
  ...auditPermissions,
});

/**
 * Whether the caller may read the parties of a dispute in `regionCode` (the `dispute.read-parties` action):
 * its township, the county's governance centre (the political-legal committee) or hr. The centres a
 * department runs are loaded once per request, however many disputes a page holds.
 */
export async function seesDisputeParties(ctx: SubgraphContext, regionCode: string): Promise<boolean> {
  const { identity } = ctx;
  const departments =
    identity.isAnonymous || identity.has('hr') || identity.coversRegion(regionCode)
      ? []
      : identity.departments;
  const centres = departments.length
    ? await entityGroupLoader(ctx, GovernanceCentre, 'organizationId', { regionCode: 'asc' }).loadMany(
        departments,
      )
    : [];
  const centreRegions = centres.flatMap((found) => {
    if (found instanceof Error) throw found;
    return found.map((centre) => centre.regionCode);
  });
  return mayPerformAction(ctx, permissions, 'dispute.read-parties', { regionCode, centreRegions });
}

type RegionAction = {
  [K in keyof typeof permissions]: (typeof permissions)[K] extends Rule<RegionScope> ? K : never;
}[keyof typeof permissions];

/**
 * Refuses `action` on `regionCode` (UNAUTHENTICATED / FORBIDDEN) unless the caller acts for a region covering
 * it; the governance centres a department runs are read first, as the rule needs them.
 */
export async function assertWithin(
  ctx: SubgraphContext,
  action: RegionAction,
  regionCode: string,
): Promise<void> {
  const departments =
    ctx.identity.isAnonymous || ctx.identity.coversRegion(regionCode) ? [] : ctx.identity.departments;
  const centres = departments.length
    ? await ctx.em.find(GovernanceCentre, { organizationId: { $in: departments } })
    : [];
  assertPerformAction(ctx, permissions, action, {
    regionCode,
    centreRegions: centres.map((centre) => centre.regionCode),
  });
}
