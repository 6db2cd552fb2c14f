import { buildSchema, parse } from 'graphql';
import { Registry } from 'prom-client';
import { createLogger } from '@county/kit';
import { clientName, usedCoordinates, UsageRecorder } from '@county/gateway';

const schema = buildSchema(`
  enum Status { OPEN DONE LATE }
  input Range { from: String to: String status: Status }
  type Task { id: ID! title: String note: String }
  type Query {
    tasks(status: Status, range: Range, limit: Int): [Task!]!
  }
`);

const used = (query: string) => [...usedCoordinates(schema, parse(query))].sort();

describe('the schema coordinates an operation uses (usage-aware checks)', () => {
  it('names fields, arguments and the enum values and input fields written in the document', () => {
    expect(used('{ tasks(status: DONE, range: { from: "2026-01-01" }) { id title } }')).toEqual([
      'Query.tasks',
      'Query.tasks.range',
      'Query.tasks.status',
      'Range.from',
      'Status.DONE',
      'Task.id',
      'Task.title',
    ]);
  });

  it('counts all of an input type as used when a variable fills the argument', () => {
    expect(used('query($r: Range) { tasks(range: $r) { __typename id } }')).toEqual([
      'Query.tasks',
      'Query.tasks.range',
      'Range.from',
      'Range.status',
      'Range.to',
      'Status.DONE',
      'Status.LATE',
      'Status.OPEN',
      'Task.id',
    ]);
  });

  it("does not take a directive's argument for the field's", () => {
    expect(used('query($x: Boolean!) { tasks { note @include(if: $x) } }')).toEqual([
      'Query.tasks',
      'Task.note',
    ]);
  });

  it('counts a request for its x-client-name when plain, else for the token subject', () => {
    expect(clientName('wall-screen', 'u1')).toBe('wall-screen');
    expect(clientName('bad name\n', 'u1')).toBe('u1');
    expect(clientName(undefined, undefined)).toBe('anonymous');
  });

  it('keeps at most USAGE_MAX_KEYS counts between flushes, and loses only them when the registry is down', async () => {
    const metrics = new Registry();
    const recorder = new UsageRecorder({
      registryUrl: 'http://127.0.0.1:9',
      token: 'x'.repeat(32),
      flushIntervalMs: 600_000,
      maxKeys: 2,
      logger: createLogger('gateway', 'silent'),
      metrics,
    });
    recorder.record('wall-screen', 'TaskTitles', ['Query.tasks', 'Task.title']);
    recorder.record('wall-screen', 'TaskTitles', ['Query.tasks', 'Task.title', 'Task.note']);
    await recorder.stop();
    const text = await metrics.metrics();
    expect(text).toMatch(/^schema_usage_dropped_total 1$/m);
    expect(text).toMatch(/^schema_usage_flush_failures_total 1$/m);
  });
});
