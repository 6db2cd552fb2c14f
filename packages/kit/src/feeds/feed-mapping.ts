import { readFileSync, statSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import utc from 'dayjs/plugin/utc';

dayjs.extend(customParseFormat);
dayjs.extend(utc);

const column = z
  .object({
    /** The staging column the value goes to. */
    field: z.string().regex(/^[a-z_][a-z0-9_]*$/),
    type: z.enum(['text', 'integer', 'timestamp', 'date']).default('text'),
    required: z.boolean().default(false),
    /** A code list of this file: the source's code → our value; a code not listed is refused. */
    codes: z.string().optional(),
    /** A look-up the feed provides (e.g. the catalogue by item code): a value it does not know is refused. */
    lookup: z.string().optional(),
    /** Date formats for this column (dayjs tokens), tried in order; default: the file's `dateFormats`. */
    formats: z.array(z.string()).optional(),
  })
  .strict();

/** A mapping file as a department edits it (YAML, one per source). */
export const mappingSchema = z
  .object({
    /** Raised with every edit; each delivery records the version it was read with. */
    version: z.number().int().min(1),
    source: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** The export's character set: `auto` reads UTF-8 when the bytes are UTF-8, GBK otherwise. */
    encoding: z.enum(['auto', 'utf-8', 'gbk', 'gb18030']).default('auto'),
    /** The header of the source's own id (办件编号, 纠纷编号): deliveries are keyed by it. */
    key: z.string().min(1),
    /** A source silent for longer is stale: a warning in /readyz, the metrics and the log. */
    staleAfterHours: z.number().positive().default(36),
    /** Date formats (dayjs tokens) tried in order; the times are China time (UTC+8). */
    dateFormats: z
      .array(z.string())
      .default(['YYYY-MM-DD HH:mm:ss', 'YYYY/MM/DD HH:mm:ss', 'YYYYMMDDHHmmss']),
    columns: z.record(z.string(), column),
    codes: z
      .record(z.string(), z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])))
      .default({}),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    if (!mapping.columns[mapping.key])
      ctx.addIssue({ code: 'custom', path: ['key'], message: `the key column ${mapping.key} is not mapped` });
    for (const [header, spec] of Object.entries(mapping.columns))
      if (spec.codes && !mapping.codes[spec.codes])
        ctx.addIssue({
          code: 'custom',
          path: ['columns', header, 'codes'],
          message: `no code list ${spec.codes}`,
        });
  });

export type FeedMapping = z.infer<typeof mappingSchema>;
export type MappedColumn = z.infer<typeof column>;

/** Each mapping file as last read, by path: one entry per feed of the process (bounded). */
const readMappings = new Map<string, { stamp: string; mapping: FeedMapping }>();

/**
 * Reads and checks a mapping file; a mistake in it names the file and the key, and nothing is delivered.
 * Every statistics answer asks its feeds' mappings (their staleness limit): the file is parsed again only
 * when it changed (its modification time and size), so a department's edit still takes effect at once
 * without the YAML being parsed on every request.
 */
export function loadMapping(file: string): FeedMapping {
  const { mtimeMs, size } = statSync(file);
  const stamp = `${mtimeMs}:${size}`;
  const known = readMappings.get(file);
  if (known?.stamp === stamp) return known.mapping;
  const parsed = mappingSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`mapping file ${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  readMappings.set(file, { stamp, mapping: parsed.data });
  return parsed.data;
}

/** One refused cell (or row): the row number as the file shows it, the column's header and its value. */
export interface FeedRejection {
  row: number;
  column: string;
  value: string;
  rule: string;
  message: string;
}

export class FeedRowError extends Error {
  constructor(
    readonly column: string,
    readonly rule: string,
    message: string,
    readonly value = '',
  ) {
    super(message);
  }
}

/** China time (UTC+8), as every provincial export writes its times. */
const CHINA_OFFSET_HOURS = 8;

const CELL_DATE_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** A cell's text as the mapping reads it: a date cell of a workbook is its wall-clock time. */
export function cellString(value: unknown): string {
  if (value instanceof Date) return dayjs.utc(value).format(CELL_DATE_FORMAT);
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

/** One column's value from its text, or a FeedRowError naming the rule. */
export function mapCell(mapping: FeedMapping, header: string, spec: MappedColumn, text: string): unknown {
  if (text === '') {
    if (spec.required) throw new FeedRowError(header, 'required', `${header} is required`, text);
    return null;
  }
  if (spec.codes) {
    const list = mapping.codes[spec.codes];
    if (!Object.hasOwn(list, text))
      throw new FeedRowError(
        header,
        'code',
        `${header}: code ${text} is not in the code list ${spec.codes}`,
        text,
      );
    return list[text];
  }
  switch (spec.type) {
    case 'integer': {
      if (!/^-?\d{1,9}$/.test(text))
        throw new FeedRowError(header, 'integer', `${header}: ${text} is not a whole number`, text);
      return Number(text);
    }
    case 'timestamp':
    case 'date': {
      // a workbook's date cell arrives as CELL_DATE_FORMAT whatever the export's own text formats are
      for (const format of [...(spec.formats ?? mapping.dateFormats), CELL_DATE_FORMAT]) {
        const parsed = dayjs.utc(text, format, true);
        if (parsed.isValid())
          return spec.type === 'date'
            ? parsed.format('YYYY-MM-DD')
            : parsed.subtract(CHINA_OFFSET_HOURS, 'hour').toISOString();
      }
      throw new FeedRowError(
        header,
        'format',
        `${header}: ${text} is not a date in the mapping's formats`,
        text,
      );
    }
    default:
      return text;
  }
}
