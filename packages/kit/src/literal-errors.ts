import {
  getNamedType,
  isInputObjectType,
  Kind,
  valueFromASTUntyped,
  type ASTNode,
  type ASTVisitor,
  type GraphQLFormattedError,
  type GraphQLInputType,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { badInput, type InputIssue } from './errors';
import { issuesAt, unknownField } from './variable-errors';

/** Where a value written in the document sits: its argument path and the type the schema expects there. */
interface Place {
  field: string;
  type: GraphQLInputType | undefined;
  value: unknown;
  /** graphql-js names one missing field per error, in the type's field order; the next one to word. */
  next: number;
}

/*
 * graphql-js's errors carry only the AST node they refuse, not its path or type; the rule below notes both
 * while the same validation pass walks the document. Keyed weakly by node: gone with the document.
 */
const places = new WeakMap<ASTNode, Place>();

const VALUE_KINDS = new Set<string>([
  Kind.STRING,
  Kind.INT,
  Kind.FLOAT,
  Kind.BOOLEAN,
  Kind.ENUM,
  Kind.NULL,
  Kind.LIST,
  Kind.OBJECT,
]);

/** A stand-in the kit's wording reads: which fields an object literal gives, and whether each is null. */
function shape(node: ValueNode): unknown {
  if (node.kind === Kind.NULL) return null;
  if (node.kind === Kind.LIST) return [];
  if (node.kind === Kind.OBJECT)
    return Object.fromEntries(
      node.fields.map((f) => [f.name.value, f.value.kind === Kind.NULL ? null : true]),
    );
  if (node.kind === Kind.VARIABLE) return true;
  return valueFromASTUntyped(node);
}

/**
 * Validation rule noting, for every value literal, its path (`input.approvedOn`, `stage`, `ids.2`) and
 * expected type, so `literalInputRefusal` can word graphql-js's refusal of it. Reports nothing itself.
 */
export function literalInputRule(context: ValidationContext): ASTVisitor {
  const path: (string | number)[] = [];
  const here = () => path.join('.');
  return {
    VariableDefinition: {
      enter: (node) => void path.push(node.variable.name.value),
      leave: () => void path.pop(),
    },
    Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    ObjectField: {
      enter(node) {
        path.push(node.name.value);
        const parent = getNamedType(context.getParentInputType());
        if (!context.getInputType() && isInputObjectType(parent))
          places.set(node, { field: here(), type: parent, value: node.name.value, next: 0 });
      },
      leave: () => void path.pop(),
    },
    enter(node, key, parent) {
      if (!VALUE_KINDS.has(node.kind)) return;
      const item = Array.isArray(parent) && typeof key === 'number';
      if (item) path.push(key);
      // entering a list, TypeInfo already looks at its items: the list's own type is one level up
      const type = node.kind === Kind.LIST ? context.getParentInputType() : context.getInputType();
      places.set(node, { field: here(), type: type ?? undefined, value: shape(node as ValueNode), next: 0 });
    },
    leave(node, key, parent) {
      if (VALUE_KINDS.has(node.kind) && Array.isArray(parent) && typeof key === 'number') path.pop();
    },
  };
}

function issuesFor(node: ASTNode, place: Place): InputIssue[] {
  if (node.kind === Kind.OBJECT_FIELD) return [unknownField(place.field, getNamedType(place.type!).name)];
  const issues = issuesAt(place.field, place.type, place.value);
  // an object literal's unknown fields are refused on their own nodes; here, the missing ones
  const missing = node.kind === Kind.OBJECT ? issues.filter((i) => i.rule === 'required') : [];
  if (!missing.length) return issues;
  const turn = Math.min(place.next++, missing.length - 1);
  return [missing[turn], ...missing.filter((_, i) => i !== turn)];
}

/**
 * graphql-js's refusal of a value written in the document (a bad Date, an enum value that does not exist,
 * an unknown input field), reworded as the kit's BAD_USER_INPUT naming the argument path and rule, as
 * `variableIssues` does for variables. Undefined for every other error.
 */
export function literalInputRefusal(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError | undefined {
  if (formatted.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED') return undefined;
  const nodes = (error as { nodes?: readonly ASTNode[] } | null)?.nodes;
  if (nodes?.length !== 1) return undefined;
  const place = places.get(nodes[0]);
  if (!place) return undefined;
  const issues = issuesFor(nodes[0], place);
  const [first] = issues;
  const refusal = badInput(first.field, first.rule, first.message, issues);
  return { message: refusal.message, locations: formatted.locations, extensions: refusal.extensions };
}
