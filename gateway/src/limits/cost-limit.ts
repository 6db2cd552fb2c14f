import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNullableType, isListType, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

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

/** Refuses an operation whose estimated cost, with its variables, is above `maximum` (LIMIT_COST). */
export function costLimitPlugin(maximum: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema: schema as GraphQLSchema,
            query: document,
            variables: request.variables ?? {},
            operationName: request.operationName ?? undefined,
            estimators: [listSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
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
