import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { PetitionChannel } from './petition-vocabulary';

/*
 * The petition rollups: the petitions received in one China day (or month), by channel, counted where their
 * handling stands now, once for the petition's own region and once for each region above it, so a region's
 * petition statistics read its own rows by equality, never the petitions. Kept by triggers on `petition` in
 * the same transaction as every write (migration 20261205160000); the application never writes them.
 */

/** The counters both rollups keep (their keys are their own: (region, period, channel) in that order). */
@Entity({ abstract: true })
export abstract class PetitionCounters {
  @Property({ type: 'integer', default: 0 }) received!: number;
  /** Each petition's petitioner count, summed (人次). */
  @Property({ type: 'integer', default: 0 }) petitioners!: number;
  @Property({ type: 'integer', default: 0 }) decided!: number;
  /** Decided by the acceptance deadline (China day). */
  @Property({ type: 'integer', default: 0 }) decidedOnTime!: number;
  @Property({ type: 'integer', default: 0 }) accepted!: number;
  @Property({ type: 'integer', default: 0 }) replied!: number;
  /** Replied to by the reply deadline, with any extension (China day). */
  @Property({ type: 'integer', default: 0 }) repliedOnTime!: number;
  @Property({ type: 'integer', default: 0 }) repeats!: number;
  /** GROUP_PETITION_MIN or more petitioners. */
  @Property({ type: 'integer', default: 0 }) groups!: number;
  @Property({ type: 'integer', default: 0 }) escalated!: number;
  /** Handling level township or village. */
  @Property({ type: 'integer', default: 0 }) handledLocally!: number;
  @Property({ type: 'integer', default: 0 }) reviewRequested!: number;
  @Property({ type: 'integer', default: 0 }) rated!: number;
  /** Rated satisfied or basically satisfied. */
  @Property({ type: 'integer', default: 0 }) satisfied!: number;
  /** Some deadline counted on a provisional calendar year. */
  @Property({ type: 'integer', default: 0 }) provisional!: number;
}

@Entity({ tableName: 'petition_rollup_day' })
export class PetitionRollupDay extends PetitionCounters {
  @PrimaryKey({ type: 'string', length: 12 })
  regionCode!: string;

  /** The day the petitions were received, in China time. */
  @PrimaryKey({ type: 'date' })
  day!: string;

  @Enum({ items: () => PetitionChannel, primary: true })
  channel!: PetitionChannel;
}

@Entity({ tableName: 'petition_rollup_month' })
export class PetitionRollupMonth extends PetitionCounters {
  @PrimaryKey({ type: 'string', length: 12 })
  regionCode!: string;

  /** The first day of the month the petitions were received in, in China time. */
  @PrimaryKey({ type: 'date' })
  month!: string;

  @Enum({ items: () => PetitionChannel, primary: true })
  channel!: PetitionChannel;
}
