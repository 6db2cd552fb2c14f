import { badInput, directoryUnavailable } from './errors';
import type { Identity } from './identity';
import { IDENTITY_HEADER } from './identity';
import { SUBGRAPH_SECRET_HEADER } from './secret';

/** The people subgraph's entities another subgraph may name in a write. */
export type DirectoryType = 'Organization' | 'Person' | 'Region';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const KEY_OF: Record<DirectoryType, 'id' | 'code'> = { Organization: 'id', Person: 'id', Region: 'code' };

export interface DirectoryEndpoint {
  /** The people subgraph's /graphql URL. */
  url: string;
  /** The people subgraph's shared secret: only the gateway and sibling subgraphs hold it. */
  secret: string;
  timeoutMs: number;
}

interface DirectoryResponse<D> {
  data?: D | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * The directory (regions, organisations, people) as seen from another subgraph. A subgraph never reads the
 * people database; when a write names a directory record, it asks the people subgraph, as the caller, so
 * a write never stores a key to nothing. A gateway-side check could not stop the write, hence here.
 */
export class Directory {
  constructor(
    private readonly endpoint: DirectoryEndpoint | undefined,
    private readonly identity: Identity,
    private readonly requestId: string,
  ) {}

  /** Any query of the people subgraph's schema, sent on behalf of the caller. */
  async query<D>(query: string, variables: Record<string, unknown> = {}): Promise<D> {
    if (!this.endpoint) throw directoryUnavailable();
    let body: DirectoryResponse<D>;
    try {
      const response = await fetch(this.endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SUBGRAPH_SECRET_HEADER]: this.endpoint.secret,
          [IDENTITY_HEADER]: this.identity.toHeader(),
          'x-request-id': this.requestId,
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.endpoint.timeoutMs),
      });
      body = (await response.json()) as DirectoryResponse<D>;
    } catch {
      throw directoryUnavailable();
    }
    if (body.errors?.length || !body.data) throw directoryUnavailable();
    return body.data;
  }

  /** Refuses the write (bad input on `field`, rule `exists`) unless every key names a directory record. */
  async requireExisting(field: string, type: DirectoryType, keys: readonly string[]): Promise<void> {
    const unique = [...new Set(keys)];
    if (!unique.length) return;
    const key = KEY_OF[type];
    // the directory's ids are UUIDs: anything else cannot name a record (and is not worth a round trip)
    const malformed = key === 'id' && unique.find((value) => !UUID.test(value));
    if (malformed) throw badInput(field, 'uuid', `"${malformed}" is not an id (a UUID)`);
    const data = await this.query<{ _entities: ({ [k: string]: string } | null)[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${type} { ${key} } } }`,
      { representations: unique.map((value) => ({ __typename: type, [key]: value })) },
    );
    const missing = unique.find((_, i) => !data._entities[i]);
    if (missing !== undefined) {
      throw badInput(field, 'exists', `no ${type} with ${key} "${missing}" in the directory`);
    }
  }
}
