import {
  Kind,
  parse,
  print,
  visit,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { fieldOwners } from './response-cache';

type Variables = Record<string, unknown> | undefined;

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/** What a failed root fetch may be sent to instead: the subgraphs, and the document and variables to send. */
export interface RootAlternative {
  subgraphs: string[];
  query: string;
  variables: Record<string, unknown>;
  /** The response keys (alias or name) of the root fields it answers. */
  keys: string[];
}

/**
 * A failed root fetch, re-planned: parts other subgraphs answer, and the root fields (response keys) only
 * the failed subgraph has, which answer null with its error. A fetch the planner gave one subgraph because
 * it had every field (`region` from a copy beside that subgraph's own `reformTask`) keeps its shared
 * fields when that subgraph fails.
 */
export interface RootFailoverPlan {
  parts: RootAlternative[];
  lost: string[];
}

/** A directive's `if:`, from a literal or a variable. */
function condition(directive: DirectiveNode, variables: Variables): boolean | undefined {
  const value: ValueNode | undefined = directive.arguments?.find((arg) => arg.name.value === 'if')?.value;
  if (value?.kind === Kind.BOOLEAN) return value.value;
  if (value?.kind === Kind.VARIABLE) {
    const given = variables?.[value.name.value];
    return typeof given === 'boolean' ? given : undefined;
  }
  return undefined;
}

/** Whether `@include(if: false)` or `@skip(if: true)` leaves the selection out for these variables. */
function inert(directives: readonly DirectiveNode[] | undefined, variables: Variables): boolean {
  return (directives ?? []).some(
    (directive) =>
      (directive.name.value === 'include' && condition(directive, variables) === false) ||
      (directive.name.value === 'skip' && condition(directive, variables) === true),
  );
}

/**
 * The document without the selections these variables leave out, and without the variables then unused:
 * it answers exactly what the original does, and no longer names fields a fallback might lack (the
 * cockpit's retry turns a failed domain off with `@include(if: $with…)`, but the query plan keeps it).
 */
function withoutInert(document: DocumentNode, variables: Variables): DocumentNode {
  const pruned = visit(document, {
    Field: (node) => (inert(node.directives, variables) ? null : undefined),
    InlineFragment: (node) => (inert(node.directives, variables) ? null : undefined),
    FragmentSpread: (node) => (inert(node.directives, variables) ? null : undefined),
    // a selection left empty answered `{}`: `__typename` keeps it valid, and the gateway drops it again
    SelectionSet: {
      leave: (node) => (node.selections.length ? undefined : { ...node, selections: [TYPENAME] }),
    },
  });
  return onlyUsed(pruned);
}

/**
 * Apollo's planner sends a root field to one subgraph and never elsewhere. This tells, for a root Query
 * fetch that failed, which other subgraphs answer its fields (read once from the supergraph's join
 * directives): those that share a field (`@shareable`), and those that keep a copy of it under a hidden
 * `<field>Copy` (`region(code)`, `regions`: the kit's region copy, so that people roots the plan while it is
 * up), so the data source can ask one of them instead.
 */
export class RootFailover {
  /** Root field → the subgraphs that answer it under its own name. */
  private readonly owners = new Map<string, string[]>();
  /** Root field → the subgraphs that answer it from a copy, as `<field>Copy` (hidden from the API). */
  private readonly copies = new Map<string, string[]>();

  constructor(supergraphSdl: string) {
    for (const [field, subgraphs] of fieldOwners(supergraphSdl)) {
      if (!field.startsWith('Query.')) continue;
      const name = field.slice(6);
      if (name.endsWith('Copy')) this.copies.set(name.slice(0, -4), subgraphs);
      else this.owners.set(name, subgraphs);
    }
  }

  /** How `subgraph` answers root field `name`: under its name, from its copy, or not at all. */
  private way(subgraph: string, name: string): 'own' | 'copy' | null {
    if (this.owners.get(name)?.includes(subgraph)) return 'own';
    return this.copies.get(name)?.includes(subgraph) ? 'copy' : null;
  }

  /** Null when nothing of the fetch can go elsewhere: a mutation, `_entities`, root fields only `failed` has. */
  alternatives(failed: string, query: string | undefined, variables: Variables): RootFailoverPlan | null {
    if (!query || this.copies.size + this.owners.size === 0) return null;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return null;
    }
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1 || operations[0].operation !== 'query') return null;
    const pruned = withoutInert(document, variables);
    const operation = pruned.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return null;
    // the planner's root fetches select fields at the top; anything else is not re-planned
    const fields = operation.selectionSet.selections.filter(
      (selection): selection is FieldNode =>
        selection.kind === Kind.FIELD && selection.name.value !== '__typename',
    );
    if (!fields.length || operation.selectionSet.selections.some((s) => s.kind !== Kind.FIELD)) return null;
    const others = (field: FieldNode) => [
      ...new Set(
        [...(this.owners.get(field.name.value) ?? []), ...(this.copies.get(field.name.value) ?? [])].filter(
          (subgraph) => subgraph !== failed,
        ),
      ),
    ];
    const keyOf = (field: FieldNode) => field.alias?.value ?? field.name.value;
    // the whole fetch to one subgraph when one has every field; else each field to the first that has it
    const everywhere = fields
      .map(others)
      .reduce((common, owners) => common.filter((subgraph) => owners.includes(subgraph)));
    const groups = new Map<string, FieldNode[]>();
    const lost: string[] = [];
    for (const field of fields) {
      const target = everywhere[0] ?? others(field)[0];
      if (!target) lost.push(keyOf(field));
      else groups.set(target, [...(groups.get(target) ?? []), field]);
    }
    if (!groups.size) return null;
    const parts = [...groups].map(([target, selected]): RootAlternative => {
      // a copy answers `<field>Copy`: asked under the field's own response key
      const asked = selected.map((field): FieldNode =>
        this.way(target, field.name.value) === 'copy'
          ? {
              ...field,
              alias: { kind: Kind.NAME, value: keyOf(field) },
              name: { kind: Kind.NAME, value: `${field.name.value}Copy` },
            }
          : field,
      );
      const part = onlyUsed({
        ...pruned,
        definitions: pruned.definitions.map((definition) =>
          definition === operation
            ? { ...operation, selectionSet: { ...operation.selectionSet, selections: asked } }
            : definition,
        ),
      });
      const op = part.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      const kept = new Set(
        op?.kind === Kind.OPERATION_DEFINITION
          ? op.variableDefinitions?.map((d) => d.variable.name.value)
          : [],
      );
      // the others that answer every field the same way (own or copy), so the document fits them too
      const alsoAble = (everywhere.length ? everywhere : others(selected[0])).filter((subgraph) =>
        selected.every(
          (field) => this.way(subgraph, field.name.value) === this.way(target, field.name.value),
        ),
      );
      return {
        subgraphs: [target, ...alsoAble.filter((subgraph) => subgraph !== target)],
        query: print(part),
        variables: Object.fromEntries(Object.entries(variables ?? {}).filter(([name]) => kept.has(name))),
        keys: selected.map(keyOf),
      };
    });
    return { parts, lost };
  }
}

/** `document` without the fragments and variables its operation no longer uses. */
function onlyUsed(document: DocumentNode): DocumentNode {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const spread = new Set<string>();
  const walk = (node: DocumentNode | FragmentDefinitionNode | SelectionSetNode) =>
    visit(node, {
      FragmentSpread: (s) => {
        if (spread.has(s.name.value)) return;
        spread.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) walk(fragment);
      },
    });
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operation?.kind === Kind.OPERATION_DEFINITION) walk(operation.selectionSet);
  const kept: DocumentNode = {
    ...document,
    definitions: document.definitions.filter(
      (d) => d.kind !== Kind.FRAGMENT_DEFINITION || spread.has(d.name.value),
    ),
  };
  const used = new Set<string>();
  visit(kept, {
    VariableDefinition: () => false,
    Variable: (node) => {
      used.add(node.name.value);
    },
  });
  return visit(kept, {
    VariableDefinition: (node) => (used.has(node.variable.name.value) ? undefined : null),
  });
}
