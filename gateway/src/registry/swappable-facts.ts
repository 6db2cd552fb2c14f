import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { OperationFacts } from '../response-cache/operation-facts';

/**
 * The response cache's operation facts, rebuilt when the gateway swaps to a new supergraph: which subgraphs
 * a field comes from may change with a publication, and a stale answer must not outlive a write to one.
 */
export class SwappableOperationFacts extends OperationFacts {
  /** Unset until the first swap: the facts of the supergraph the gateway started with are this object's own. */
  private current?: OperationFacts;

  swap(supergraphSdl: string): void {
    this.current = new OperationFacts(supergraphSdl);
  }

  override of(schema: GraphQLSchema, document: DocumentNode) {
    return this.current ? this.current.of(schema, document) : super.of(schema, document);
  }

  override writers(operation: OperationDefinitionNode) {
    return this.current ? this.current.writers(operation) : super.writers(operation);
  }
}
