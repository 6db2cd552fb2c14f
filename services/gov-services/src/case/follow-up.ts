import { z } from 'zod';

const schema = z.coerce.number().int().min(1).max(60).default(5);

/**
 * 差评整改期限 — working days a centre has to rectify a bad review; `BAD_REVIEW_RECTIFY_DAYS` (1–60,
 * default 5) sets it per deployment.
 */
export const badReviewRectifyDays = (): number => schema.parse(process.env.BAD_REVIEW_RECTIFY_DAYS);
