// Rejects over-deep, over-wide or over-costly operations before anything executes,
// introspection included. Cost comes from the Pothos complexity annotations.
import type { ApolloServerPlugin } from '@apollo/server';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getVariableValues,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { limits } from '../limits.ts';

/** Deepest selection and number of selected fields (aliases count), fragments followed. */
export function shape(document: DocumentNode): { depth: number; fields: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  let fields = 0;
  const walk = (set: SelectionSetNode, depth: number, seen: Set<string>): number => {
    let max = depth;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        fields++;
        if (sel.selectionSet) max = Math.max(max, walk(sel.selectionSet, depth + 1, seen));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, walk(sel.selectionSet, depth, seen));
      } else {
        const fragment = fragments.get(sel.name.value);
        if (fragment && !seen.has(sel.name.value)) {
          max = Math.max(max, walk(fragment.selectionSet, depth, new Set([...seen, sel.name.value])));
        }
      }
    }
    return max;
  };
  let depth = 0;
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) depth = Math.max(depth, walk(def.selectionSet, 1, new Set()));
  }
  return { depth, fields };
}

export const limitsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, request, contextValue, schema }) {
        const { depth, fields } = shape(document);
        if (depth > limits.depth()) {
          throw new AppError('QUERY_TOO_COMPLEX', `Query depth ${depth} exceeds the limit of ${limits.depth()}.`);
        }
        if (fields > limits.breadth()) {
          throw new AppError(
            'QUERY_TOO_COMPLEX',
            `Query selects ${fields} fields (aliases included), over the limit of ${limits.breadth()}.`,
          );
        }
        // Variables are coerced here before Apollo does: a bad one is the caller's mistake.
        const errors = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {}).errors;
        if (errors?.length) throw new AppError('BAD_USER_INPUT', errors.map((e) => e.message).join(' '));
        const { complexity } = complexityFromQuery(document, {
          schema,
          ctx: contextValue,
          variables: request.variables ?? {},
        });
        if (complexity > limits.complexity()) {
          throw new AppError(
            'QUERY_TOO_COMPLEX',
            `Query cost ${complexity} exceeds the limit of ${limits.complexity()} (lower first or select fewer fields).`,
          );
        }
      },
    };
  },
};
