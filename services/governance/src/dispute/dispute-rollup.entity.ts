import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { DisputeKind } from '../vocabulary';

/*
 * The dispute rollups: the disputes reported in one China day (or month), of one kind, counted where their
 * course stands now, once for the dispute's own region and once for each region above it (village,
 * township, county, city), so a region's statistics read its own rows by equality, never the disputes.
 * A period reads whole months from the month rows and only its edge days from the day rows.
 * Kept by triggers on `dispute` in the same transaction as every write (migration 20261124010000); the
 * application never writes them.
 */

/** The counters both rollups keep (their keys are their own: (region, period, kind) in that order). */
@Entity({ abstract: true })
export abstract class DisputeCounters {
  @Property({ type: 'integer', default: 0 }) reported!: number;
  /** Taken on by a mediation organisation. */
  @Property({ type: 'integer', default: 0 }) mediated!: number;
  @Property({ type: 'integer', default: 0 }) resolved!: number;
  /** Resolved at township or village level. */
  @Property({ type: 'integer', default: 0 }) resolvedLocally!: number;
  /** Red and still open: registered, mediating, or in joint handling (referred there, or convened). */
  @Property({ type: 'integer', default: 0 }) openRed!: number;
  /** Orange and still open, as `openRed`. */
  @Property({ type: 'integer', default: 0 }) openOrange!: number;
  /** Reopened at least once after a return visit found a relapse. */
  @Property({ type: 'integer', default: 0 }) reopened!: number;
}

@Entity({ tableName: 'dispute_rollup_day' })
export class DisputeRollupDay extends DisputeCounters {
  @PrimaryKey({ type: 'string', length: 12 })
  regionCode!: string;

  /** The day the disputes were reported, in China time. */
  @PrimaryKey({ type: 'date' })
  day!: string;

  @Enum({ items: () => DisputeKind, primary: true })
  kind!: DisputeKind;
}

@Entity({ tableName: 'dispute_rollup_month' })
export class DisputeRollupMonth extends DisputeCounters {
  @PrimaryKey({ type: 'string', length: 12 })
  regionCode!: string;

  /** The first day of the month the disputes were reported in, in China time. */
  @PrimaryKey({ type: 'date' })
  month!: string;

  @Enum({ items: () => DisputeKind, primary: true })
  kind!: DisputeKind;
}
