import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, parse } from 'graphql';

export const OPERATION_NOT_TRUSTED = 'OPERATION_NOT_TRUSTED';

export const documentHash = (document: string) => createHash('sha256').update(document).digest('hex');

/** The names of the operations in the manifest: the only operation names metrics label. */
export function trustedOperationNames(manifestPath: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, string>;
  return Object.values(manifest).flatMap((document) =>
    parse(document).definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [],
    ),
  );
}

/**
 * Production runs only registered operations (trusted documents): a manifest `{ "<sha256>": "<document>" }`
 * written when the cockpit and other known clients are built. Anything else is refused before planning.
 */
export function trustedDocumentsPlugin(manifestPath: string): ApolloServerPlugin {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, string>;
  const trusted = new Set(Object.values(manifest).map(documentHash));
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ source }) {
          if (!trusted.has(documentHash(source))) {
            throw new GraphQLError(
              'This operation is not registered: production runs only the trusted documents (TRUSTED_DOCUMENTS_PATH)',
              {
                extensions: {
                  code: OPERATION_NOT_TRUSTED,
                  limit: 'TRUSTED_DOCUMENTS_PATH',
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
