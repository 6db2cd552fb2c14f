import { Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';

/**
 * Whether the resolved field's selection (through fragments) names `field`: a statistics statement leaves
 * out the parts nobody asked for (the cockpit's children ask one rate of many). An unknown fragment, or a
 * field without a selection, counts as asking, so a part is never left out wrongly.
 */
export function selects(info: GraphQLResolveInfo, field: string): boolean {
  const within = (selections: readonly SelectionNode[]): boolean =>
    selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === field;
      if (selection.kind === Kind.INLINE_FRAGMENT) return within(selection.selectionSet.selections);
      const fragment = info.fragments[selection.name.value];
      return !fragment || within(fragment.selectionSet.selections);
    });
  return info.fieldNodes.some((node) => !node.selectionSet || within(node.selectionSet.selections));
}
