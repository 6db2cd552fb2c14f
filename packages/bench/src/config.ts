import { DEMO_REPORT_YEAR, MAX_DEMO_COUNTIES } from '@county/demo-data';
import { z } from 'zod';
import { PROVINCE_BUDGET_SECONDS, provinceWindows } from './province';

/** `cockpit`: the five subgraphs the cockpit query reaches (people included), each profiled on its own. */
export type ProfiledService = 'gateway' | 'subgraph' | 'cockpit';

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
  /**
   * `1` or `gateway`, `subgraph`, `all`: those processes run under `node --cpu-prof`; their top functions are
   * printed. `cockpit`: every subgraph does, and each one's top functions of the cold city cockpit run are.
   */
  BENCH_PROFILE: z
    .enum(['', '0', 'false', '1', 'true', 'gateway', 'subgraph', 'all', 'cockpit'])
    .default('')
    .transform((value): ProfiledService[] => {
      if (value === 'all') return ['gateway', 'subgraph'];
      if (value === 'subgraph') return ['subgraph'];
      if (value === 'cockpit') return ['cockpit'];
      return ['1', 'true', 'gateway'].includes(value) ? ['gateway'] : [];
    }),
  /** Extra node options for the gateway process, e.g. `--max-semi-space-size=32`, to try their effect. */
  BENCH_GATEWAY_NODE_ARGS: z
    .string()
    .default('')
    .transform((value) => value.split(/\s+/).filter(Boolean)),
  /** The gov-services scenario (a city of BENCH_GOV_COUNTIES counties × one year of cases): on unless `false`. */
  BENCH_GOV_SERVICES: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  BENCH_GOV_COUNTIES: z.coerce.number().int().min(1).max(MAX_DEMO_COUNTIES).default(11),
  /** The cockpit scenario (every subgraph; the cockpit's query cold, shared and warm): on unless `false`. */
  BENCH_COCKPIT: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * The year the cockpit query asks for, as the screen's `?year=`. Default: the year the data is in (the demo
   * subgraphs' and the bulk-loaded city's cases), so that the cold figures read city-scale data; a year
   * without data measures empty rollups.
   */
  BENCH_COCKPIT_YEAR: z.coerce.number().int().min(2000).max(2100).default(DEMO_REPORT_YEAR),
  // ── the province (packages/bench/src/province.ts) ──
  /** Counties of the province 990000 around the city (0: no province); its rows need gov-services. */
  BENCH_PROVINCE_COUNTIES: z.coerce.number().int().min(0).max(330).default(55),
  /** The cases per county of the province's further cities, as a share of the city's (the bulk load's size). */
  BENCH_PROVINCE_CASE_SCALE: z.coerce.number().min(0.01).max(1).default(0.2),
  // ── end of the province ──
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
    .optional(),
});

export type BenchConfig = z.infer<typeof benchConfigSchema>;

/** Seconds the load takes, without booting: a first warm-up of both targets, then the rounds. */
export const loadSeconds = (config: BenchConfig): number =>
  2 * config.BENCH_WARMUP_SECONDS +
  config.BENCH_ROUNDS * 2 * (config.BENCH_WARMUP_SECONDS + config.BENCH_SECONDS) +
  // gov-services: serviceStats for city and county, uncached and (with the cockpit's gateway) as deployed
  (config.BENCH_GOV_SERVICES
    ? (config.BENCH_COCKPIT ? 4 : 2) * (config.BENCH_WARMUP_SECONDS + config.BENCH_SECONDS)
    : 0) +
  // cockpit: city and county, cold, shared and warm, each with its warm-up
  (config.BENCH_COCKPIT ? 6 * (config.BENCH_WARMUP_SECONDS + config.BENCH_SECONDS) : 0) +
  provinceWindows(config) * (config.BENCH_WARMUP_SECONDS + config.BENCH_SECONDS);

/** Booting PostgreSQL, seeding and starting two processes, plus stopping them: generous. */
const BOOT_BUDGET_SECONDS = 90;
/** The gov-services bulk load (≈ 2.5 M cases; target < 2 min on an idle machine, more on a busy one) and writes. */
const GOV_SERVICES_BUDGET_SECONDS = 900;

/** Starting and seeding the other subgraphs (demo data) and a second gateway for the cockpit scenario. */
const COCKPIT_BUDGET_SECONDS = 240;

/** The hard deadline: BENCH_DEADLINE_SECONDS, else 5 minutes or more when the load needs more. */
export function deadlineSeconds(config: BenchConfig): number {
  const needed =
    loadSeconds(config) +
    BOOT_BUDGET_SECONDS +
    (config.BENCH_GOV_SERVICES ? GOV_SERVICES_BUDGET_SECONDS : 0) +
    (config.BENCH_COCKPIT ? COCKPIT_BUDGET_SECONDS : 0) +
    (provinceWindows(config) ? PROVINCE_BUDGET_SECONDS : 0);
  if (config.BENCH_DEADLINE_SECONDS === undefined) return Math.max(300, needed + 60);
  if (config.BENCH_DEADLINE_SECONDS < needed)
    throw new Error(
      `BENCH_DEADLINE_SECONDS=${config.BENCH_DEADLINE_SECONDS} is too short: the load alone takes ${loadSeconds(config)} s, plus up to ${BOOT_BUDGET_SECONDS} s to boot; set at least ${needed}`,
    );
  return config.BENCH_DEADLINE_SECONDS;
}
