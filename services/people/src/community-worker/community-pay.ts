import { entityLoader, type SubgraphContext } from '@county/kit';
import { nationalPay, type PayScale } from './career';
import { CommunityPay } from './community-pay.entity';
import { provinceOf } from './post-levels';

/** The province's pay scale: its own where it set one, the national default otherwise. */
export async function payScaleOf(
  ctx: SubgraphContext,
  provinceCode: string,
): Promise<PayScale & { setByProvince: boolean; version: number | null }> {
  const own = await entityLoader(ctx, CommunityPay, 'provinceCode').load(provinceCode);
  return own
    ? { basePay: own.basePay, payStep: own.payStep, setByProvince: true, version: own.version }
    : { ...nationalPay(), setByProvince: false, version: null };
}

/** The pay scale of the province `regionCode` lies in. */
export const payScaleIn = (ctx: SubgraphContext, regionCode: string): Promise<PayScale> =>
  payScaleOf(ctx, provinceOf(regionCode));
