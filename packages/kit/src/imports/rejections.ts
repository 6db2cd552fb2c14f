import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';

/**
 * The problems found in an upload: the first `limit` kept to be listed, every one counted. A 50,000-row file
 * with a bad column answers with a page of examples and the total, not a 20 MB report.
 */
export class RejectedRows<T> {
  readonly first: T[] = [];
  private count = 0;

  constructor(private readonly limit: number) {}

  push(...problems: T[]): void {
    for (const problem of problems) {
      this.count++;
      if (this.first.length < this.limit) this.first.push(problem);
    }
  }

  get total(): number {
    return this.count;
  }
}

/**
 * The refusal of a whole upload (BAD_USER_INPUT, field `file`, rule `rows`): `rejected` lists the first
 * problems, `rejectedCount` says how many there were in all.
 */
export function uploadRejected(what: string, outcome: string, rejected: RejectedRows<unknown>): GraphQLError {
  return new GraphQLError(`file: ${rejected.total} problem(s) in the ${what}; ${outcome}`, {
    extensions: {
      code: ErrorCode.BAD_USER_INPUT,
      field: 'file',
      rule: 'rows',
      rejected: rejected.first,
      rejectedCount: rejected.total,
    },
  });
}
