// Field paths of a patch ('phone', 'address.street'), their values in a document, and what
// moderators compare: the listing then (base), now (current) and proposed.
import type { StructurePatch } from '@repere/shared/curation';
import type { FieldChange } from '../revisions/diff.ts';

type Doc = Record<string, unknown> | null | undefined;

/** The paths a patch changes: top-level fields, the address field by field. */
export function patchPaths(patch: StructurePatch): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key === 'address' && value) {
      for (const [sub, v] of Object.entries(value)) if (v !== undefined) paths.push(`address.${sub}`);
    } else {
      paths.push(key);
    }
  }
  return paths.sort();
}

export function valueAt(doc: Doc, path: string): unknown {
  const [head, sub] = path.split('.') as [string, string | undefined];
  const value = doc?.[head];
  if (sub === undefined) return value ?? null;
  return (value as Doc)?.[sub] ?? null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The listing's values of the patched paths, as a flat map (what the correction was written against). */
export function baseOf(patch: StructurePatch, doc: Doc): Record<string, unknown> {
  return Object.fromEntries(patchPaths(patch).map((p) => [p, valueAt(doc, p)]));
}

/** Paths whose value changed since the correction was written. */
export function conflictsOf(patch: StructurePatch, base: Doc, current: Doc): string[] {
  return patchPaths(patch).filter((p) => !same(base?.[p], valueAt(current, p)));
}

/** Field by field: the listing now against what is proposed. */
export function proposedChanges(patch: StructurePatch, current: Doc): FieldChange[] {
  return patchPaths(patch)
    .map((p) => ({ field: p, before: valueAt(current, p), after: valueAt(patch as Doc, p) }))
    .filter((c) => !same(c.before, c.after));
}
