import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraph, CompositionError } from '@county/gateway';

const SCHEMA_DIR = path.join(__dirname, '..', '..', '..', 'schema');

interface Part {
  name: string;
  url: string;
  sdl: string;
}

/**
 * The supergraph of the subgraphs in this checkout. When they do not compose because a subgraph's
 * engineers are midway through a change (its SDL differs from its committed schema/<name>.graphql), that
 * subgraph is left out with a warning, as one that does not load or start is: its panel then says 未接入.
 * Each subgraph's own tests and `npx jest schema` are where a composition failure counts.
 */
export async function composeWhatComposes(parts: Part[]): Promise<{ supergraph: string; left: string[] }> {
  try {
    return { supergraph: (await composeSupergraph(parts)).supergraph, left: [] };
  } catch (error) {
    if (!(error instanceof CompositionError)) throw error;
    const named = [...new Set([...error.message.matchAll(/subgraph "([\w-]+)"/g)].map((m) => m[1]))];
    const changed = (part: Part) => {
      const file = path.join(SCHEMA_DIR, `${part.name}.graphql`);
      return !fs.existsSync(file) || fs.readFileSync(file, 'utf8').trim() !== part.sdl.trim();
    };
    const candidates = parts.filter(
      (part) => part.name !== 'people' && named.includes(part.name) && changed(part),
    );
    for (const candidate of candidates) {
      try {
        const rest = parts.filter((part) => part !== candidate);
        const { supergraph } = await composeSupergraph(rest);
        console.warn(
          `cockpit e2e: ${candidate.name} left out, it does not compose yet: ${error.message.slice(0, 300)}`,
        );
        return { supergraph, left: [candidate.name] };
      } catch {
        // not this one alone
      }
    }
    throw error;
  }
}
