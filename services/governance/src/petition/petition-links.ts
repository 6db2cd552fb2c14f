import { badInput, requireExisting, type SubgraphContext } from '@county/kit';
import { isWithin } from '../within';
import { Dispute } from '../dispute/dispute.entity';
import { Petition } from './petition.entity';

interface Links {
  repeatOfId?: string | null;
  disputeId?: string | null;
}

const countyOf = (regionCode: string) => regionCode.slice(0, 6);

/**
 * Checks a petition's links: a repeat (重复访) points at an earlier petition of the same county, and a linked
 * dispute (the mediation case it came from or was taken up as) lies in the same county.
 */
export async function checkLinks(
  ctx: SubgraphContext,
  petition: { id?: string; regionCode: string; receivedAt: Date },
  links: Links,
): Promise<void> {
  const county = countyOf(petition.regionCode);
  if (links.repeatOfId) {
    if (links.repeatOfId === petition.id)
      throw badInput('input.repeatOfId', 'not-itself', 'a petition cannot repeat itself');
    const earlier = await requireExisting(ctx, Petition, 'id', links.repeatOfId, 'input.repeatOfId');
    if (!isWithin(earlier.regionCode, county))
      throw badInput('input.repeatOfId', 'same-county', `must be a petition of county ${county}`);
    if (earlier.receivedAt >= petition.receivedAt)
      throw badInput('input.repeatOfId', 'earlier', 'must be a petition received before this one');
  }
  if (links.disputeId) {
    const dispute = await requireExisting(ctx, Dispute, 'id', links.disputeId, 'input.disputeId');
    if (!isWithin(dispute.regionCode, county))
      throw badInput('input.disputeId', 'same-county', `must be a dispute of county ${county}`);
  }
}
