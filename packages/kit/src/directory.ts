import {
  DIRECTORY_OPERATIONS as OPS,
  type DirectoryName,
  type DirectoryOperation,
  type DirectoryOrganization,
  type DirectoryPage,
  type DirectoryPersonPlacement,
  type DirectoryRegionRecord,
  type DirectoryRegionSuccessionRecord,
  type Representation,
} from './directory-operations';
import { badInput, directoryUnavailable } from './errors';
import { Identity, IDENTITY_HEADER } from './identity';
import type { CallerTokenSigner } from './trust/caller-token';

const services = new Map<string, Identity>();
/** One identity object per service, so the signer's per-identity token cache is hit. */
const serviceIdentity = (name: string): Identity => {
  let identity = services.get(name);
  if (!identity) services.set(name, (identity = Identity.forService(name)));
  return identity;
};

/** The people subgraph's entities another subgraph may name in a write. */
export type DirectoryType = 'Organization' | 'Person' | 'Region';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const KEY_OF: Record<DirectoryType, 'id' | 'code'> = { Organization: 'id', Person: 'id', Region: 'code' };

export interface DirectoryEndpoint {
  /** The people subgraph's /graphql URL. */
  url: string;
  /** Signs as this subgraph (its DIRECTORY_KEY): the directory answers it its checks, nothing else. */
  signer: CallerTokenSigner;
  /** This subgraph's name: what the directory's log says asked. */
  service: string;
  timeoutMs: number;
}

interface DirectoryResponse<D> {
  data?: D | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The subgraph that keeps the directory: the audience of a directory call. */
export const DIRECTORY_AUDIENCE = 'people';

/**
 * The directory (regions, organisations, people) as seen from another subgraph. A subgraph never reads the
 * people database; when a write names a directory record, it asks the people subgraph, so a write never
 * stores a key to nothing. A gateway-side check could not stop the write, hence here. It asks as itself,
 * never as the caller: its credential buys the public answers of ./directory-operations and nothing more.
 */
export class Directory {
  constructor(
    private readonly endpoint: DirectoryEndpoint | undefined,
    private readonly requestId: string,
  ) {}

  /** One of the directory operations (./directory-operations), sent as this subgraph. */
  private async send<V extends Record<string, unknown>, D>(
    operation: DirectoryOperation<V, D>,
    variables: V,
  ): Promise<D> {
    if (!this.endpoint) throw directoryUnavailable();
    let body: DirectoryResponse<D>;
    try {
      const { signer, service } = this.endpoint;
      const response = await fetch(this.endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: await signer.sign(serviceIdentity(service), DIRECTORY_AUDIENCE),
          'x-request-id': this.requestId,
        },
        body: JSON.stringify({ query: operation.document, operationName: operation.name, variables }),
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
    const representations = unique.map((value): Representation =>
      type === 'Region' ? { __typename: type, code: value } : { __typename: type, id: value },
    );
    const data = await this.send(OPS.DirectoryKeys, { representations });
    const missing = unique.find((_, i) => !data._entities[i]);
    if (missing !== undefined) {
      throw badInput(field, 'exists', `no ${type} with ${key} "${missing}" in the directory`);
    }
  }

  /** Names of organisations and people by id, asked in one request; ids the directory lacks are left out. */
  async names(ids: {
    organizations?: Iterable<string>;
    people?: Iterable<string>;
  }): Promise<Map<string, string>> {
    const representations: Representation[] = [
      ...[...new Set(ids.organizations)].map((id) => ({ __typename: 'Organization' as const, id })),
      ...[...new Set(ids.people)].map((id) => ({ __typename: 'Person' as const, id })),
    ];
    if (!representations.length) return new Map();
    const data = await this.send(OPS.DirectoryNames, { representations });
    return new Map(data._entities.flatMap((e): [string, string][] => (e ? [[e.id, e.name]] : [])));
  }

  /** A person's roles and the region of their organisation; null when the directory has no such person. */
  async personPlacement(id: string): Promise<DirectoryPersonPlacement | null> {
    const data = await this.send(OPS.PersonPlacement, { representations: [{ __typename: 'Person', id }] });
    return data._entities[0] ?? null;
  }

  /** The code of the region an organisation lies in; null when the directory has no such organisation. */
  async organizationRegion(id: string): Promise<string | null> {
    const data = await this.send(OPS.OrganizationRegion, { id });
    return data.organization?.region.code ?? null;
  }

  /** A page (100) of the organisations in a region or below it; `after` is the previous page's endCursor. */
  async organizationsOf(
    regionCode: string | null,
    after: string | null = null,
  ): Promise<DirectoryPage<DirectoryOrganization>> {
    return (await this.send(OPS.OrganizationsOfRegion, { region: regionCode, after })).page;
  }

  /** A page (100) of the county leaders working in a region or below it. */
  async countyLeadersOf(
    regionCode: string | null,
    after: string | null = null,
  ): Promise<DirectoryPage<DirectoryName>> {
    return (await this.send(OPS.CountyLeadersOfRegion, { region: regionCode, after })).page;
  }

  /** Every region of one level (CITY, COUNTY, TOWNSHIP, VILLAGE), ordered by code: the region copy's source. */
  async regionsOfLevel(level: string): Promise<DirectoryRegionRecord[]> {
    return (await this.send(OPS.RegionsOfLevel, { level })).regions;
  }

  /** Every region succession (merge) people records: a county's few hundred at most. */
  async regionSuccessions(): Promise<DirectoryRegionSuccessionRecord[]> {
    return (await this.send(OPS.RegionSuccessions, {})).regionSuccessions;
  }

  /** Regions by code, asked in one request; codes the directory lacks are left out. */
  async regionsByCode(codes: Iterable<string>): Promise<DirectoryRegionRecord[]> {
    const representations = [...new Set(codes)].map((code) => ({ __typename: 'Region' as const, code }));
    if (!representations.length) return [];
    const data = await this.send(OPS.RegionsByCode, { representations });
    return data._entities.filter((region): region is DirectoryRegionRecord => Boolean(region));
  }
}
