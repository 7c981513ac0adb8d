// Opaque keyset cursors. Each carries the sort key of its row and a fingerprint of the
// ordering it came from, so a cursor from another query or a forged one is refused.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { badInput } from '../../errors.ts';

const payload = z.object({
  f: z.string().length(12),
  k: z.array(z.union([z.number().finite(), z.string().max(300)])).max(3),
  id: z.uuid(),
});
export type CursorKey = z.infer<typeof payload>;

export function fingerprint(ordering: unknown): string {
  return createHash('sha256').update(JSON.stringify(ordering)).digest('base64url').slice(0, 12);
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const badCursor = () =>
  badInput('after: not a cursor returned by this API.', { key: 'badCursor', params: { field: 'after' } });

export function decodeCursor(cursor: string, expected: string): CursorKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const result = payload.safeParse(parsed);
  if (!result.success) throw badCursor();
  if (result.data.f !== expected) {
    throw badInput('after: this cursor belongs to a query with other ordering arguments (near, search).', {
      key: 'cursorOtherQuery',
      params: { field: 'after' },
    });
  }
  return result.data;
}
