// The shape of a document (depth, fields, repeated fields) in one pass over its text: each
// fragment is measured once and its counts are added wherever it is spread, so a fragment
// bomb (F0 spreads F1 twice, … F24) costs 25 steps, not 2^25. Stops at the first limit passed.

import type { ErrorDetail } from '@repere/shared/errors';
import { type DocumentNode, type FragmentDefinitionNode, Kind, type SelectionSetNode } from 'graphql';
import { AppError } from '../errors.ts';

export interface ShapeLimits {
  depth: number;
  breadth: number;
  /** Fields answering to one name in one selection set, fragments merged. */
  repeats: number;
}

interface Measure {
  depth: number;
  fields: number;
  /** Fields of the set's own level by response name (what graphql-js compares pairwise). */
  names: Map<string, number>;
}

const empty: Measure = { depth: 0, fields: 0, names: new Map() };

/** Throws QUERY_TOO_COMPLEX (HTTP 400) at the first limit passed; else the document's shape. */
export function checkShape(document: DocumentNode, max: ShapeLimits): { depth: number; fields: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const measured = new Map<string, Measure | 'active'>();

  const fragment = (name: string): Measure => {
    const known = measured.get(name);
    // A cycle is invalid; validation names it. Unknown fragments too.
    if (known === 'active') return empty;
    if (known) return known;
    const def = fragments.get(name);
    if (!def) return empty;
    measured.set(name, 'active');
    const result = measure(def.selectionSet);
    measured.set(name, result);
    return result;
  };

  const measure = (set: SelectionSetNode): Measure => {
    const out: Measure = { depth: 0, fields: 0, names: new Map() };
    const add = (name: string, count: number) => {
      const n = (out.names.get(name) ?? 0) + count;
      if (n > max.repeats) {
        throw tooComplex(`Field "${name}" is selected ${n} times in one selection, over the limit of ${max.repeats}.`, {
          key: 'fieldRepeated',
          params: { field: name, count: n, max: max.repeats },
        });
      }
      out.names.set(name, n);
    };
    const merge = (inner: Measure) => {
      out.fields += inner.fields;
      out.depth = Math.max(out.depth, inner.depth);
      for (const [name, count] of inner.names) add(name, count);
    };
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const below = sel.selectionSet ? measure(sel.selectionSet) : empty;
        out.fields += 1 + below.fields;
        out.depth = Math.max(out.depth, 1 + below.depth);
        add(sel.alias?.value ?? sel.name.value, 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        merge(measure(sel.selectionSet));
      } else {
        merge(fragment(sel.name.value));
      }
      if (out.depth > max.depth) {
        throw tooComplex(`Query depth exceeds the limit of ${max.depth}.`, {
          key: 'tooDeep',
          params: { max: max.depth },
        });
      }
      if (out.fields > max.breadth) {
        throw tooComplex(`Query selects over ${max.breadth} fields (aliases and fragments included), the limit.`, {
          key: 'tooBroad',
          params: { max: max.breadth },
        });
      }
    }
    return out;
  };

  let depth = 0;
  let fields = 0;
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const m = measure(def.selectionSet);
    depth = Math.max(depth, m.depth);
    fields = Math.max(fields, m.fields);
  }
  return { depth, fields };
}

export function tooComplex(message: string, detail: ErrorDetail): AppError {
  // Never executed: a request error (400 for application/graphql-response+json).
  return new AppError('QUERY_TOO_COMPLEX', message, detail, { http: { status: 400 } });
}
