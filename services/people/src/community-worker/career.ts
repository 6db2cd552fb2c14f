import { z } from 'zod';
import { parseConfig } from '@county/kit';
import { CommunityPostType, Education } from '../workforce/vocabulary';

/**
 * 三岗十八级: the levels each post type may hold by the national guidance; a province that sets its own
 * ranges keeps them as data (`community_post_level_range`, see post-levels.ts).
 */
export const POST_LEVELS: Record<CommunityPostType, { min: number; max: number }> = {
  [CommunityPostType.HEAD]: { min: 7, max: 18 },
  [CommunityPostType.DEPUTY]: { min: 4, max: 15 },
  [CommunityPostType.OTHER]: { min: 1, max: 12 },
};

const creditList = z.string().transform((text, ctx) => {
  const credits: Partial<Record<Education, number>> = {};
  for (const part of text.split(',').filter(Boolean)) {
    const [education, years] = part.split('=').map((s) => s.trim());
    if (!(education in Education) || !/^\d{1,2}$/.test(years ?? '')) {
      ctx.addIssue({ code: 'custom', message: 'must be like BACHELOR=3,MASTER=5,DOCTORATE=7' });
      return z.NEVER;
    }
    credits[education as Education] = Number(years);
  }
  return credits;
});

/**
 * What provinces set differently, read from the environment once (zod-parsed, so a bad value stops the
 * service with a message naming the variable): years of service credited for education, how many years
 * of service one level step takes, and the national pay scale (a province may set its own as data, kept by
 * hr: `community_pay`, see community-pay.ts).
 */
const careerConfigSchema = z.object({
  COMMUNITY_WORKER_EDUCATION_CREDIT: creditList.default({
    [Education.BACHELOR]: 3,
    [Education.MASTER]: 5,
    [Education.DOCTORATE]: 7,
  }),
  COMMUNITY_WORKER_YEARS_PER_LEVEL: z.coerce.number().int().min(1).max(10).default(3),
  COMMUNITY_WORKER_BASE_PAY: z.coerce.number().int().min(0).max(100000).default(3000),
  COMMUNITY_WORKER_PAY_STEP: z.coerce.number().min(0).max(1).default(0.05),
});
export type CareerSettings = z.infer<typeof careerConfigSchema>;

let settings: CareerSettings | undefined;
export function careerSettings(env: NodeJS.ProcessEnv = process.env): CareerSettings {
  if (env !== process.env) return parseConfig(careerConfigSchema, env);
  settings ??= parseConfig(careerConfigSchema, env);
  return settings;
}

export const educationCredit = (education: Education, config = careerSettings()): number =>
  config.COMMUNITY_WORKER_EDUCATION_CREDIT[education] ?? 0;

const YEAR_MS = 365.25 * 86_400_000;

/** Years of service on `on`: seniority since `hiredOn` plus the education credit, whole years. */
export function serviceYears(hiredOn: string, education: Education, on: Date, config = careerSettings()) {
  const worked = Math.max(0, Math.floor((on.getTime() - Date.parse(hiredOn)) / YEAR_MS));
  return worked + educationCredit(education, config);
}

/** The level seniority alone reaches: the post's lowest level plus one step per N years, capped. */
export function seniorityLevel(
  postType: CommunityPostType,
  hiredOn: string,
  education: Education,
  on: Date,
  config = careerSettings(),
  range: { min: number; max: number } = POST_LEVELS[postType],
): number {
  const { min, max } = range;
  const steps = Math.floor(
    serviceYears(hiredOn, education, on, config) / config.COMMUNITY_WORKER_YEARS_PER_LEVEL,
  );
  return Math.min(max, min + steps);
}

/** A province's pay scale: the monthly base pay of level 1 and the share of it each level above adds. */
export type PayScale = { basePay: number; payStep: number };

/** The national default: the environment's pay scale, for a province that has set none (see community-pay.ts). */
export const nationalPay = (config = careerSettings()): PayScale => ({
  basePay: config.COMMUNITY_WORKER_BASE_PAY,
  payStep: config.COMMUNITY_WORKER_PAY_STEP,
});

/** Pay follows the level alone: level 1 earns the base pay, each level above adds one step. */
export function monthlyBasePay(level: number, scale: PayScale = nationalPay()): number {
  return Math.round(scale.basePay * (1 + (level - 1) * scale.payStep));
}
