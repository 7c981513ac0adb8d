// Relay global ids: base64("<Type>:<uuid>"). A malformed id is the caller's mistake
// (BAD_USER_INPUT); a well-formed id of another type is simply unknown (null).
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { badInput } from './errors.ts';

const uuid = z.uuid();

const notAnId = (field: string) =>
  badInput(`${field}: not a Repère id (ids are opaque strings returned by this API).`, {
    key: 'notAnId',
    params: { field },
  });

export function decodeId(globalId: string, typename: string, field = 'id'): string | null {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw notAnId(field);
  }
  if (!uuid.safeParse(decoded.id).success || !decoded.typename) {
    throw notAnId(field);
  }
  return decoded.typename === typename ? decoded.id : null;
}

export const encodeId = (typename: string, id: string) => encodeGlobalID(typename, id);
