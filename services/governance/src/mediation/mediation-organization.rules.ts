import { z } from 'zod';
import { levelOfRegionCode, RegionLevel, textRule, uuidRule } from '@county/domain';
import { ruleIssue } from '@county/kit';
import { GovernanceLevel, MediationOrganizationKind } from '../vocabulary';
import { anyRegionCode } from '../field-rules';

const REGION_LEVEL: Record<GovernanceLevel, RegionLevel> = {
  [GovernanceLevel.VILLAGE]: RegionLevel.VILLAGE,
  [GovernanceLevel.TOWNSHIP]: RegionLevel.TOWNSHIP,
  [GovernanceLevel.COUNTY]: RegionLevel.COUNTY,
};

export const mediationOrganizationRule = z
  .object({
    name: textRule(200),
    kind: z.enum(MediationOrganizationKind),
    level: z.enum(GovernanceLevel),
    regionCode: anyRegionCode,
    organizationId: uuidRule.nullish(),
  })
  .superRefine((organization, ctx) => {
    const regionLevel = levelOfRegionCode(organization.regionCode);
    if (regionLevel && regionLevel !== REGION_LEVEL[organization.level]) {
      ctx.addIssue({
        ...ruleIssue(
          'matches-region',
          `a ${organization.level.toLowerCase()}-level organisation sits in a ${REGION_LEVEL[organization.level].toLowerCase()}`,
        ),
        path: ['level'],
      });
    }
  });

export const mediationOrganizationsArgsRule = z.object({ regionCode: anyRegionCode.nullish() });
