import {
  Kind,
  parse,
  print,
  type ConstDirectiveNode,
  type FieldDefinitionNode,
  type InterfaceTypeDefinitionNode,
  type ObjectTypeDefinitionNode,
} from 'graphql';

/** A field one subgraph adds to an entity another subgraph owns. */
export interface ExtensionField {
  /** `Region.riskSummary` */
  coordinate: string;
  /** As declared, e.g. `RiskSummary!` */
  type: string;
  /** The subgraphs that resolve it (names as in the registry). */
  addedBy: string[];
  owner: string;
}

export interface ExtensionReport {
  /** Every field added to another subgraph's entity. */
  extensions: ExtensionField[];
  /** Why the supergraph fails the check: one line each, naming the field and the subgraph. */
  problems: string[];
}

type TypeNode = ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode;

const argument = (directive: ConstDirectiveNode, name: string) =>
  directive.arguments?.find((a) => a.name.value === name)?.value;
const enumArgument = (directive: ConstDirectiveNode, name: string) => {
  const value = argument(directive, name);
  return value?.kind === Kind.ENUM ? value.value : undefined;
};
const isTrue = (directive: ConstDirectiveNode, name: string) => {
  const value = argument(directive, name);
  return value?.kind === Kind.BOOLEAN && value.value;
};
const directives = (node: { directives?: readonly ConstDirectiveNode[] }, name: string) =>
  (node.directives ?? []).filter((d) => d.name.value === name);

/** The graphs that resolve `field`: its join__field graphs (not where it is only external), else every graph of its type. */
function resolvingGraphs(field: FieldDefinitionNode, typeGraphs: string[]): string[] {
  const joins = directives(field, 'join__field');
  if (joins.length === 0) return typeGraphs;
  return joins
    .filter((j) => !isTrue(j, 'external') && !isTrue(j, 'usedOverridden'))
    .map((j) => enumArgument(j, 'graph'))
    .filter((graph): graph is string => graph !== undefined);
}

/**
 * Reads ownership from the composed supergraph alone: an entity (a type with a key) defined by several
 * subgraphs is owned by the one whose definition is not an extension (`@join__type(..., extension: true)`
 * marks the others; the kit's directory stubs carry `@extends`). Every field its owner does not resolve is
 * added by another subgraph and must be nullable: its subgraph is fetched separately, and when that
 * fetch fails a non-null field would null the whole entity, the owner's fields and every other domain's
 * with it. An entity whose owner cannot be told is a problem too, so no extension escapes the check.
 */
export function checkNullableExtensions(supergraphSdl: string): ExtensionReport {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  const roots = new Set(['Query', 'Mutation', 'Subscription']);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const name = directives(value, 'join__graph').map((d) => argument(d, 'name'))[0];
        graphNames.set(value.name.value, name?.kind === Kind.STRING ? name.value : value.name.value);
      }
    }
    if (definition.kind === Kind.SCHEMA_DEFINITION)
      for (const operation of definition.operationTypes) roots.add(operation.type.name.value);
  }
  const subgraph = (graph: string) => graphNames.get(graph) ?? graph;

  const report: ExtensionReport = { extensions: [], problems: [] };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION)
      continue;
    const type: TypeNode = definition;
    const joins = directives(type, 'join__type');
    const typeGraphs = [...new Set(joins.map((j) => enumArgument(j, 'graph')!))];
    if (roots.has(type.name.value) || typeGraphs.length < 2 || !joins.some((j) => argument(j, 'key')))
      continue;
    const owners = typeGraphs.filter((graph) =>
      joins.some((j) => enumArgument(j, 'graph') === graph && !isTrue(j, 'extension')),
    );
    const fields = (type.fields ?? []).map((field) => ({
      field,
      graphs: resolvingGraphs(field, typeGraphs),
    }));
    if (owners.length !== 1) {
      if (fields.some(({ graphs }) => graphs.length < typeGraphs.length))
        report.problems.push(
          `${type.name.value}: its owner cannot be told from the supergraph: ` +
            (owners.length
              ? `${owners.map(subgraph).join(', ')} each define it without @extends`
              : `every subgraph that defines it (${typeGraphs.map(subgraph).join(', ')}) extends it`) +
            '; a subgraph that adds fields to another’s entity marks its definition @extends (the kit’s directoryStubs do)',
        );
      continue;
    }
    const owner = owners[0];
    for (const { field, graphs } of fields) {
      if (graphs.includes(owner)) continue;
      const extension: ExtensionField = {
        coordinate: `${type.name.value}.${field.name.value}`,
        type: print(field.type),
        addedBy: graphs.map(subgraph),
        owner: subgraph(owner),
      };
      report.extensions.push(extension);
      if (field.type.kind === Kind.NON_NULL_TYPE)
        report.problems.push(
          `${extension.coordinate}: ${extension.type}, added by ${extension.addedBy.join(', ')} to ` +
            `${extension.owner}'s ${type.name.value}, must be nullable (${extension.type.replace(/!$/, '')}): ` +
            `while ${extension.addedBy.join(', ')} fails, a non-null field nulls the whole ${type.name.value}`,
        );
    }
  }
  return report;
}
