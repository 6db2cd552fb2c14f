import fs from 'node:fs';
import { Kind, parse, type GraphQLSchema } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { ChangeType, CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { usedCoordinates } from '@county/gateway';

/** The client-facing API of a supergraph (what the gateway serves), as graphql-js. */
export const apiSchema = (supergraphSdl: string): GraphQLSchema =>
  Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

export interface SchemaChange {
  level: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';
  type: string;
  message: string;
  path?: string;
}

const asChange = (change: Change): SchemaChange => ({
  level: change.criticality.level as SchemaChange['level'],
  type: change.type,
  message: change.message,
  ...(change.path ? { path: change.path } : {}),
});

/** @graphql-inspector/core's changes between the APIs of two supergraphs. */
export async function apiChanges(base: string, next: string): Promise<SchemaChange[]> {
  return (await diff(apiSchema(base), apiSchema(next))).map(asChange);
}

export const isBreaking = (change: SchemaChange) => change.level === CriticalityLevel.Breaking;

/**
 * The coordinate whose users a breaking change breaks: its path, except a new required argument or input
 * field, which breaks whoever uses the field or input type it was added to.
 */
export function affectedCoordinate(change: SchemaChange): string | undefined {
  if (!change.path) return undefined;
  const addsRequired =
    change.type === ChangeType.FieldArgumentAdded || change.type === ChangeType.InputFieldAdded;
  return addsRequired ? change.path.split('.').slice(0, -1).join('.') : change.path;
}

/** Whether `coordinate` (from usage) is `affected` or lies inside it (`Type` covers `Type.field`, …). */
export const covers = (affected: string, coordinate: string) =>
  coordinate === affected || coordinate.startsWith(`${affected}.`);

export interface Use {
  client: string;
  operation: string;
  coordinate: string;
  count: number;
}

/** The client the trusted-documents manifest is counted as: its operations are always in use. */
export const TRUSTED_DOCUMENTS_CLIENT = 'trusted-documents';

/**
 * What the trusted-documents manifest (`{ "<sha256>": "<document>" }`, the cockpit's operations) uses in
 * `schema`: each operation's coordinates, as if run today. A missing manifest uses nothing.
 */
export function trustedDocumentUses(manifestPath: string | undefined, schema: GraphQLSchema): Use[] {
  if (!manifestPath || !fs.existsSync(manifestPath)) return [];
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, string>;
  return Object.values(manifest).flatMap((text) => {
    const document = parse(text);
    const names = document.definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : [],
    );
    const operation = names.join(',');
    return [...usedCoordinates(schema, document)].map((coordinate) => ({
      client: TRUSTED_DOCUMENTS_CLIENT,
      operation,
      coordinate,
      count: 1,
    }));
  });
}

export interface BrokenUse {
  change: SchemaChange;
  clients: string[];
  operations: string[];
}

/** The check's verdict: breaking changes someone used refuse the publication, the others warn. */
export function judge(changes: SchemaChange[], uses: Use[]): { broken: BrokenUse[]; warnings: string[] } {
  const broken: BrokenUse[] = [];
  const warnings: string[] = [];
  for (const change of changes) {
    if (change.level === 'DANGEROUS') warnings.push(`dangerous: ${change.message}`);
    if (!isBreaking(change)) continue;
    const affected = affectedCoordinate(change);
    const users = affected ? uses.filter((use) => covers(affected, use.coordinate)) : [];
    if (users.length === 0) {
      warnings.push(
        `breaking, but no client used ${affected ?? 'it'} in the usage window: ${change.message}`,
      );
      continue;
    }
    broken.push({
      change,
      clients: [...new Set(users.map((u) => u.client))].sort(),
      operations: [...new Set(users.map((u) => `${u.client}/${u.operation}`))].sort(),
    });
  }
  return { broken, warnings };
}
