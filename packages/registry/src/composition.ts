import { parse } from 'graphql';
import { composeServices as composeWithGuild } from '@theguild/federation-composition';
import { composeSupergraph, CompositionError } from '@county/gateway';

export interface Member {
  name: string;
  url: string;
  sdl: string;
}

/**
 * Composes with Apollo's composer (the supergraph the gateways serve, as `npm run compose` makes it) and
 * with The Guild's: a subgraph set only one of them accepts would tie the county to one gateway, so both
 * must. Throws CompositionError carrying the refusing composer's own messages.
 */
export async function composeBoth(members: Member[]): Promise<string> {
  const { supergraph } = await composeSupergraph(members);
  const guild = composeWithGuild(members.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (guild.errors) {
    throw new CompositionError(
      `The Guild's composer refused it:\n${guild.errors.map((e) => `- ${e.message}`).join('\n')}`,
    );
  }
  return supergraph;
}

export { CompositionError };
