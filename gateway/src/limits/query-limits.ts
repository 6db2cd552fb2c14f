import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayConfig } from '../config';

/**
 * Depth, aliases and directives of one operation, checked before anything is planned or fetched
 * (graphql-armor); each refusal says which limit and its value ("Query depth limit of 12 exceeded").
 */
export function shapeLimits(config: GatewayConfig) {
  const production = config.NODE_ENV === 'production';
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: config.LIMIT_DEPTH, ignoreIntrospection: !production },
    maxAliases: { n: config.LIMIT_ALIASES },
    maxDirectives: { n: config.LIMIT_DIRECTIVES },
    // graphql-js counts tokens itself while parsing (the gateway's parseOptions), as a syntax error: 400
    maxTokens: { enabled: false },
    // our own cost rule (cost-limit.ts) knows page sizes; armor's does not
    costLimit: { enabled: false },
    // "did you mean …" would map the schema for someone who may not read it
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return { plugins: plugins as ApolloServerPlugin[], validationRules };
}
