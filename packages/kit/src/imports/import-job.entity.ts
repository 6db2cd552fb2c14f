import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * 导入任务 — one spreadsheet upload and what became of it. Kept in the subgraph's own database (table
 * `import_job`, the kit's migration) until `expiresAt`; read and written with SQL by `import-jobs.ts`.
 */
@Entity({ tableName: 'import_job' })
@Unique({ properties: ['subject', 'keyHash'] })
@Index({ properties: ['expiresAt'] })
@Index({
  name: 'import_job_source_created_at_index',
  expression:
    'create index "import_job_source_created_at_index" on "import_job" ("source", "created_at") where "source" is not null',
})
export class ImportJob {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Who uploaded: only they read the job. */
  @Property({ type: 'text' })
  subject!: string;

  /** The file route, e.g. `ledger.xlsx`. */
  @Property({ type: 'text' })
  route!: string;

  /** sha256 of the caller and their Idempotency-Key (the key itself is not kept); null without a key. */
  @Property({ type: 'text', nullable: true })
  keyHash!: string | null;

  /** sha256 of the route, query and file: a key reused for another upload is refused. */
  @Property({ type: 'text' })
  requestHash!: string;

  /** Answered 202 (a job the client polls) rather than in the request. */
  @Property({ type: 'boolean' })
  async!: boolean;

  /** RUNNING, SUCCEEDED or FAILED. */
  @Property({ type: 'text' })
  status!: string;

  /** Data rows read from the sheet, once read. */
  @Property({ type: 'integer', nullable: true })
  rows!: number | null;

  /** The import's summary when it succeeded. */
  @Property({ type: 'jsonb', nullable: true })
  result!: unknown;

  /** Why it failed: a GraphQL-shaped error with the first problems and their count. */
  @Property({ type: 'jsonb', nullable: true })
  error!: unknown;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  /** Touched while the job runs: a job whose process died stops being touched and is marked failed. */
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  heartbeatAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  /** `upload` (a spreadsheet import) or `feed` (a delivery of a source's export: the kit's feeds). */
  @Property({ type: 'text', default: 'upload' })
  kind!: string;

  /** A feed delivery's source, e.g. `zwfw-cases`. */
  @Property({ type: 'text', nullable: true })
  source!: string | null;

  /** How a delivery came: `post`, `watch` (a dropped file) or `pull` (the scheduled fetch). */
  @Property({ type: 'text', nullable: true })
  via!: string | null;

  /** The `version:` of the mapping file the delivery was read with. */
  @Property({ type: 'integer', nullable: true })
  mappingVersion!: number | null;
}
