import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger';
import type { Identity } from './identity';
import { Loaders } from './loaders';
import type { Directory } from './directory';

/** What every resolver of every subgraph receives. */
export interface SubgraphContext {
  /** A fork of the ORM's EntityManager: an identity map of its own for this request only. */
  em: EntityManager;
  identity: Identity;
  requestId: string;
  logger: Logger;
  loaders: Loaders;
  /** The people subgraph's directory, for writes that name its records. */
  directory: Directory;
}

export function createContext(parts: Omit<SubgraphContext, 'loaders'>): SubgraphContext {
  return { ...parts, loaders: new Loaders() };
}
