import {
  getNamedType,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** Marks personal data in the schema's descriptions (a field's, or its type's): ID numbers, phones, grades. */
const PERSONAL_DATA = /personal data/i;

const argument = (directive: ConstDirectiveNode, name: string) =>
  directive.arguments?.find((arg) => arg.name.value === name)?.value;

/**
 * `Type.field` → the subgraphs that resolve it, read from the supergraph's join directives: a field's own
 * `@join__field(graph:)` (not `external`), else every graph of its type's `@join__type`.
 */
export function fieldOwners(supergraphSdl: string): Map<string, string[]> {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  const owners = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const name = value.directives?.find((d) => d.name.value === 'join__graph');
        const text = name && argument(name, 'name');
        if (text?.kind === Kind.STRING) graphNames.set(value.name.value, text.value);
      }
    }
  }
  const graphOf = (directive: ConstDirectiveNode): string | undefined => {
    const graph = argument(directive, 'graph');
    return graph?.kind === Kind.ENUM ? graphNames.get(graph.value) : undefined;
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION)
      continue;
    const typeGraphs = (definition.directives ?? [])
      .filter((d) => d.name.value === 'join__type')
      .map(graphOf)
      .filter((name): name is string => Boolean(name));
    for (const field of definition.fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
      const own = joins
        .filter((d) => {
          const external = argument(d, 'external');
          return !(external?.kind === Kind.BOOLEAN && external.value);
        })
        .map(graphOf)
        .filter((name): name is string => Boolean(name));
      owners.set(`${definition.name.value}.${field.name.value}`, own.length ? own : typeGraphs);
    }
  }
  return owners;
}

/**
 * What the response cache needs to know about an operation, from the schema alone (no guess from the
 * answer): the subgraphs its fields come from, those a mutation writes to, and whether it selects
 * personal data. Computed once per parsed document (Apollo reuses the document of a repeated query).
 */
export class OperationFacts {
  private readonly owners: Map<string, string[]>;
  private readonly read = new WeakMap<DocumentNode, { subgraphs: Set<string>; personal: boolean }>();

  constructor(supergraphSdl: string) {
    this.owners = fieldOwners(supergraphSdl);
  }

  /** Every subgraph a field of `document` may be fetched from, and whether any field is personal data. */
  of(schema: GraphQLSchema, document: DocumentNode): { subgraphs: Set<string>; personal: boolean } {
    const known = this.read.get(document);
    if (known) return known;
    const facts = { subgraphs: new Set<string>(), personal: false };
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field: () => {
          const parent = typeInfo.getParentType();
          const field = typeInfo.getFieldDef();
          if (!parent || !field) return;
          for (const owner of this.owners.get(`${parent.name}.${field.name}`) ?? [])
            facts.subgraphs.add(owner);
          if (
            PERSONAL_DATA.test(field.description ?? '') ||
            PERSONAL_DATA.test(getNamedType(field.type).description ?? '')
          )
            facts.personal = true;
        },
      }),
    );
    this.read.set(document, facts);
    return facts;
  }

  /** The subgraphs a mutation's root fields write to; null when that cannot be told (fragments). */
  writers(operation: OperationDefinitionNode): Set<string> | null {
    const writers = new Set<string>();
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) return null;
      if (selection.name.value === '__typename') continue;
      const owners = this.owners.get(`Mutation.${selection.name.value}`);
      if (!owners?.length) return null;
      for (const owner of owners) writers.add(owner);
    }
    return writers;
  }
}
