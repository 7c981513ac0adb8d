// Relay global ids of structures: base64("Structure:<uuid>"). A malformed id is the caller's
// mistake (BAD_USER_INPUT); a well-formed id of another type is simply unknown (null).
import { decodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { badInput } from '../../errors.ts';

const uuid = z.uuid();

export function decodeStructureId(globalId: string): string | null {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw badInput('id: not a Repère id (ids are opaque strings returned by this API).', 'id');
  }
  if (!uuid.safeParse(decoded.id).success || !decoded.typename) {
    throw badInput('id: not a Repère id (ids are opaque strings returned by this API).', 'id');
  }
  return decoded.typename === 'Structure' ? decoded.id : null;
}
