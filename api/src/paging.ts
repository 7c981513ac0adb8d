// Keyset cursors on (timestamp, id) for the account-side lists, and the Relay page shape.
import { badInput } from './errors.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Keyset {
  at: string;
  id: string;
}

export function encodeKeysetCursor(list: string, key: Keyset): string {
  return Buffer.from(JSON.stringify({ l: list, ...key })).toString('base64url');
}

export function decodeKeysetCursor(cursor: string, list: string): Keyset {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      value.l === list &&
      typeof value.at === 'string' &&
      typeof value.id === 'string' &&
      uuid.test(value.id) &&
      !Number.isNaN(Date.parse(value.at))
    ) {
      return { at: value.at, id: value.id };
    }
  } catch {
    // Falls through to the error below.
  }
  throw badInput('after: not a cursor returned by this list.', { key: 'badCursor', params: { field: 'after' } });
}

/** `rows` holds up to first + 1 rows: the extra one only says there is a next page. */
export function pageOf<T>(rows: T[], first: number, hasPrevious: boolean, cursor: (row: T) => string) {
  const page = rows.slice(0, first);
  const cursors = page.map(cursor);
  return {
    edges: page.map((node, i) => ({ node, cursor: cursors[i] as string })),
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hasPrevious,
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    },
  };
}
