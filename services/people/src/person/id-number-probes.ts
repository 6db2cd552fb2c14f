import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited, type SubgraphContext } from '@county/kit';
import { privacySettings } from '../privacy-settings';

/**
 * The budgets of ID-number checks of one caller who may not read ID numbers (everyone but hr), per token
 * subject. Kept in memory, one count per replica: keys expire with their window, so memory holds at most
 * the callers of the last day.
 */
class IdNumberProbes {
  private readonly settings = privacySettings();
  private readonly refusals = new RateLimiterMemory({
    keyPrefix: 'id-number-refusals',
    points: this.settings.ID_NUMBER_REFUSALS_PER_HOUR,
    duration: 3600,
  });
  private readonly checks = new RateLimiterMemory({
    keyPrefix: 'id-number-checks',
    points: this.settings.ID_NUMBER_CHECKS_PER_DAY,
    duration: 86_400,
  });

  /**
   * Spends one check and holds one refusal until the lookup says the number is free (`free`), or refuses
   * (RATE_LIMITED) before anything is looked up. Holding it first keeps concurrent probes inside the budget.
   */
  async beforeLookup(ctx: SubgraphContext): Promise<void> {
    const key = subjectOf(ctx);
    await spend(this.refusals, key, 'ID_NUMBER_REFUSALS_PER_HOUR');
    try {
      await spend(this.checks, key, 'ID_NUMBER_CHECKS_PER_DAY');
    } catch (error) {
      await this.refusals.reward(key);
      throw error;
    }
  }

  /** The number was free: the refusal held by `beforeLookup` is given back. */
  async free(ctx: SubgraphContext): Promise<void> {
    await this.refusals.reward(subjectOf(ctx));
  }
}

async function spend(limiter: RateLimiterMemory, key: string, limit: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    throw spent(limit, rejection.msBeforeNext);
  }
}

const subjectOf = (ctx: SubgraphContext): string => ctx.identity.subject ?? 'anonymous';

const spent = (limit: string, msBeforeNext: number) => {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return rateLimited(
    `input.idNumber: too many ID numbers checked by this caller (${limit}); nothing was looked up or changed, retry in ${seconds} s`,
    limit,
    seconds,
  );
};

let probes: IdNumberProbes | undefined;
export const idNumberProbes = (): IdNumberProbes => (probes ??= new IdNumberProbes());
