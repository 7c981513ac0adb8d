// Which `Structure` fields a request selects, so that the store reads only their columns (a
// nearest page asking for id and name does not read, parse and drop thirty others). A superset
// is always safe: fragments count whatever their type condition. Visibility does not depend on
// it: each column the store reads is still the view's own (registry.ts, visibility.ts).
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';

/** GraphQL fields resolved from other fields' columns. */
const needs: Record<string, string[]> = {
  address: ['address', 'postalCode', 'city'],
  stale: ['lastVerifiedAt'],
};

function names(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  out: FieldNode[],
  seen: Set<string>,
) {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) out.push(sel);
    else if (sel.kind === Kind.INLINE_FRAGMENT) names(sel.selectionSet, fragments, out, seen);
    else if (!seen.has(sel.name.value)) {
      seen.add(sel.name.value);
      const fragment = fragments[sel.name.value];
      if (fragment) names(fragment.selectionSet, fragments, out, seen);
    }
  }
  return out;
}

/**
 * The registry fields to read for the structures found at `path` below the current field
 * (e.g. ['edges', 'node'] for a connection, [] for `structure(id)`).
 */
export function selectedFields(info: GraphQLResolveInfo, path: string[]): Set<string> {
  let level: FieldNode[] = [...info.fieldNodes];
  for (const step of path) {
    const next: FieldNode[] = [];
    for (const node of level) {
      if (!node.selectionSet) continue;
      for (const field of names(node.selectionSet, info.fragments, [], new Set())) {
        if (field.name.value === step) next.push(field);
      }
    }
    level = next;
  }
  const out = new Set<string>();
  for (const node of level) {
    if (!node.selectionSet) continue;
    for (const field of names(node.selectionSet, info.fragments, [], new Set())) {
      for (const name of needs[field.name.value] ?? [field.name.value]) out.add(name);
    }
  }
  return out;
}
