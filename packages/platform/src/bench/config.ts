import { MAX_DEMO_COUNTIES } from '@county/demo-data';
import { z } from 'zod';

export type ProfiledService = 'gateway' | 'subgraph';

const seconds = (fallback: number, min: number) =>
  z.coerce.number().int().min(min).max(600).default(fallback);

/** `npm run bench` knobs, all optional. */
export const benchConfigSchema = z.object({
  BENCH_SECONDS: seconds(10, 1),
  BENCH_WARMUP_SECONDS: seconds(3, 0),
  BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(1000).default(20),
  BENCH_ROUNDS: z.coerce.number().int().min(1).max(10).default(2),
  BENCH_COUNTIES: z.coerce.number().int().min(1).max(MAX_DEMO_COUNTIES).default(1),
  /** After this, everything is killed and the benchmark exits non-zero (default: see `deadlineSeconds`). */
  BENCH_DEADLINE_SECONDS: z.coerce.number().int().min(30).max(7200).optional(),
  /** `1` or `gateway`, `subgraph`, `all`: those processes run under `node --cpu-prof`; their top functions are printed. */
  BENCH_PROFILE: z
    .enum(['', '0', 'false', '1', 'true', 'gateway', 'subgraph', 'all'])
    .default('')
    .transform((value): ProfiledService[] => {
      if (value === 'all') return ['gateway', 'subgraph'];
      if (value === 'subgraph') return ['subgraph'];
      return ['1', 'true', 'gateway'].includes(value) ? ['gateway'] : [];
    }),
  /** Extra node options for the gateway process, e.g. `--max-semi-space-size=32`, to try their effect. */
  BENCH_GATEWAY_NODE_ARGS: z
    .string()
    .default('')
    .transform((value) => value.split(/\s+/).filter(Boolean)),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
    .optional(),
});

export type BenchConfig = z.infer<typeof benchConfigSchema>;

/** Seconds the load takes, without booting: a first warm-up of both targets, then the rounds. */
export const loadSeconds = (config: BenchConfig): number =>
  2 * config.BENCH_WARMUP_SECONDS +
  config.BENCH_ROUNDS * 2 * (config.BENCH_WARMUP_SECONDS + config.BENCH_SECONDS);

/** Booting PostgreSQL, seeding and starting two processes, plus stopping them: generous. */
const BOOT_BUDGET_SECONDS = 90;

/** The hard deadline: BENCH_DEADLINE_SECONDS, else 5 minutes or more when the load needs more. */
export function deadlineSeconds(config: BenchConfig): number {
  const needed = loadSeconds(config) + BOOT_BUDGET_SECONDS;
  if (config.BENCH_DEADLINE_SECONDS === undefined) return Math.max(300, needed + 60);
  if (config.BENCH_DEADLINE_SECONDS < needed)
    throw new Error(
      `BENCH_DEADLINE_SECONDS=${config.BENCH_DEADLINE_SECONDS} is too short: the load alone takes ${loadSeconds(config)} s, plus up to ${BOOT_BUDGET_SECONDS} s to boot; set at least ${needed}`,
    );
  return config.BENCH_DEADLINE_SECONDS;
}
