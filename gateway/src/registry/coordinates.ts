import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';

/**
 * Every schema coordinate an operation depends on, in the paths @graphql-inspector/core gives its changes:
 * `Type.field`, `Type.field.argument`, `Enum.VALUE`, `Input.field`. An argument given through a variable
 * depends on all of its input type (the document cannot say which fields or values the variable will hold),
 * so removing any part of that type counts as breaking the operation: the safe side.
 */
export function usedCoordinates(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>();
  const typeInfo = new TypeInfo(schema);

  const wholeInput = (type: GraphQLNamedType, seen: Set<string>) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    if (isEnumType(type)) for (const value of type.getValues()) used.add(`${type.name}.${value.name}`);
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields())) {
        used.add(`${type.name}.${field.name}`);
        wholeInput(getNamedType(field.type), seen);
      }
  };

  const literal = (type: GraphQLInputType, value: ValueNode) => {
    const named = getNamedType(type);
    if (value.kind === Kind.VARIABLE) return wholeInput(named, new Set());
    if (value.kind === Kind.LIST) return value.values.forEach((item) => literal(type, item));
    if (value.kind === Kind.ENUM && isEnumType(named)) used.add(`${named.name}.${value.value}`);
    if (value.kind === Kind.OBJECT && isInputObjectType(named)) {
      const fields = named.getFields();
      for (const field of value.fields) {
        const def = fields[field.name.value];
        if (!def) continue;
        used.add(`${named.name}.${def.name}`);
        literal(def.type, field.value);
      }
    }
  };

  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: () => {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (parent && field && !field.name.startsWith('__')) used.add(`${parent.name}.${field.name}`);
      },
      Argument: (node) => {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const argument = typeInfo.getArgument();
        // a directive's arguments (@include(if:)) belong to the directive, not to the field
        if (typeInfo.getDirective() || !parent || !field || !argument) return;
        used.add(`${parent.name}.${field.name}.${argument.name}`);
        literal(argument.type, node.value);
      },
    }),
  );
  return used;
}
