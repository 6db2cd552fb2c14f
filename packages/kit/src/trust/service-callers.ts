import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { SubgraphContext } from '../context';
import { DIRECTORY_OPERATIONS } from '../directory-operations';

/** The only documents a sibling subgraph may run on the directory: the kit's own directory operations. */
const DIRECTORY_DOCUMENTS: ReadonlySet<string> = new Set(
  Object.values(DIRECTORY_OPERATIONS).map((operation) => operation.document),
);

/**
 * A sibling subgraph's credential buys the directory's checks (do these ids exist, what are they called,
 * where do they work) and nothing else: any other document, including every write and every field of
 * personal data, is refused before it runs.
 */
export function serviceCallerPlugin(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (!contextValue.identity.service) return;
      return {
        async didResolveOperation({ request }) {
          if (request.query && DIRECTORY_DOCUMENTS.has(request.query)) return;
          throw new GraphQLError(
            `The ${contextValue.identity.service} subgraph may ask the directory its checks only`,
            { extensions: { code: 'FORBIDDEN', http: { status: 403 } } },
          );
        },
      };
    },
  };
}
