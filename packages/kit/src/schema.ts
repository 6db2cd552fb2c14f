import 'reflect-metadata';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import gql from 'graphql-tag';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphContext } from './context';
import { auditTrailResolver } from './audit';

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override", "@extends"])\n\n`;

/**
 * Resolves an entity from the representation the gateway sends (its key fields). Called once per
 * representation in the same tick, so it should go through a DataLoader. type-graphql's authChecker
 * and middlewares do not run here: a reference resolver guarding data must authorise itself.
 */
export type ReferenceResolver = (reference: Record<string, unknown>, ctx: SubgraphContext) => unknown;

export interface SubgraphSchemaDefinition {
  /** Names the subgraph's own root fields the kit adds (`<name>AuditTrail`). */
  name: string;
  // type-graphql takes resolver classes of any shape
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /**
   * Types no query reaches, e.g. this subgraph's extension of another's entity (`Region` with a statistics
   * field) reached only through `_entities`: type-graphql prints only what the root types reach.
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  references: Record<string, ReferenceResolver>;
}

/** type-graphql resolvers → a Federation 2 subgraph schema, with the reference resolvers merged in. */
export async function buildFederatedSchema(definition: SubgraphSchemaDefinition): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...definition.resolvers, auditTrailResolver(definition.name)],
    orphanedTypes: definition.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  const resolvers = createResolversMap(schema) as Record<string, object>;
  for (const [typeName, resolveReference] of Object.entries(definition.references)) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference };
  }
  return buildSubgraphSchema({
    typeDefs: gql(FEDERATION_LINK + printSchemaWithDirectives(schema)),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}

/** The SDL the subgraph contributes to the supergraph, as composition reads it. */
export async function subgraphSdl(definition: SubgraphSchemaDefinition): Promise<string> {
  return printSubgraphSchema(await buildFederatedSchema(definition));
}
