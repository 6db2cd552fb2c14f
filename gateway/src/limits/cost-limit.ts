import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNullableType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';

/** A list without a `first` argument is assumed this long (a region's children, a task's milestones). */
const UNPAGED_LIST_SIZE = 10;

/**
 * Each field costs 1, times the size of the list it sits in: `first` where the field takes one (a
 * connection; its `nodes` are not counted again), else UNPAGED_LIST_SIZE for a plain list.
 */
const listSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (typeof args.first === 'number') return 1 + Math.max(args.first, 0) * childComplexity;
  if (field.name === 'nodes' || !isListType(getNullableType(field.type))) return undefined;
  return 1 + UNPAGED_LIST_SIZE * childComplexity;
};

export const COST_LIMIT_EXCEEDED = 'COST_LIMIT_EXCEEDED';

/** Variable sets remembered per document: a screen sends the same few (its regions, its year) again and again. */
const COSTS_PER_DOCUMENT = 256;

/**
 * The estimate is a pure function of the document, the operation and the variables, and walking a large
 * document against the schema costs about a millisecond (the cockpit's, on these cores): it is computed once
 * per document and variables. Documents are Apollo's parsed ones, kept in its bounded document store; a
 * WeakMap forgets their costs with them, and each keeps at most COSTS_PER_DOCUMENT variable sets.
 */
const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, LRUCache<string, number>>>();

function estimate(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): number {
  // a new supergraph is a new schema: its list types, and so its costs, may differ
  let ofSchema = costs.get(schema);
  if (!ofSchema) costs.set(schema, (ofSchema = new WeakMap()));
  let known = ofSchema.get(document);
  if (!known) ofSchema.set(document, (known = new LRUCache({ max: COSTS_PER_DOCUMENT })));
  const key = `${operationName ?? ''}\n${JSON.stringify(variables)}`;
  let cost = known.get(key);
  if (cost === undefined) {
    cost = getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [listSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
    known.set(key, cost);
  }
  return cost;
}

/** Refuses an operation whose estimated cost, with its variables, is above `maximum` (LIMIT_COST). */
export function costLimitPlugin(maximum: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = estimate(
            schema as GraphQLSchema,
            document,
            request.operationName ?? undefined,
            request.variables ?? {},
          );
          if (cost > maximum) {
            throw new GraphQLError(
              `The estimated cost of this operation is ${cost}, above the limit of ${maximum} (LIMIT_COST): ask for smaller pages or fewer fields`,
              {
                extensions: {
                  code: COST_LIMIT_EXCEEDED,
                  limit: 'LIMIT_COST',
                  cost,
                  maximum,
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}
