// Field-by-field differences between two structure documents (revisions, corrections).
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Top-level fields, and the address and professional contact field by field. */
export function diffDocuments(before: Record<string, unknown> | null, after: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const key of [...keys].sort()) {
    const a = before?.[key] ?? null;
    const b = after[key] ?? null;
    if (key === 'address' || key === 'professionalContact') {
      const nested = diffDocuments((a as Record<string, unknown>) ?? {}, (b as Record<string, unknown>) ?? {});
      for (const change of nested) changes.push({ ...change, field: `${key}.${change.field}` });
    } else if (!same(a, b)) {
      changes.push({ field: key, before: a, after: b });
    }
  }
  return changes;
}
