// Reads of CONFIDENTIAL protected fields by professionals, batched per tick: every field
// resolver of one response waits for the same insert, so a failed write returns no value.
import type { Db } from '../../db/client.ts';
import { writeAudit } from './store.ts';

export interface AuditTrail {
  /** Resolves once the read of `field` on `structureId` is stored. */
  read(structureId: string, field: string): Promise<void>;
  /** Resolves once the read of a referral is stored. */
  readReferral(referralId: string, structureId: string): Promise<void>;
}

export function createAuditTrail(db: Db, actorId: () => string | null): AuditTrail {
  let pending: Map<string, Set<string>> | null = null;
  let referrals: Map<string, string> | null = null;
  let referralsFlushed: Promise<void> | null = null;
  let flushed: Promise<void> | null = null;
  return {
    read(structureId, field) {
      if (!pending) {
        const batch = new Map<string, Set<string>>();
        pending = batch;
        flushed = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
          pending = null;
          return writeAudit(
            db,
            [...batch].map(([id, fields]) => ({
              action: 'CONFIDENTIAL_READ' as const,
              actorId: actorId(),
              structureId: id,
              fields: [...fields].sort(),
            })),
          );
        });
      }
      const fields = pending.get(structureId) ?? new Set<string>();
      fields.add(field);
      pending.set(structureId, fields);
      return flushed as Promise<void>;
    },
    readReferral(referralId, structureId) {
      if (!referrals) {
        const batch = new Map<string, string>();
        referrals = batch;
        referralsFlushed = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
          referrals = null;
          return writeAudit(
            db,
            [...batch].map(([id, structure]) => ({
              action: 'REFERRAL_READ' as const,
              actorId: actorId(),
              referralId: id,
              structureId: structure,
              fields: ['message'],
            })),
          );
        });
      }
      referrals.set(referralId, structureId);
      return referralsFlushed as Promise<void>;
    },
  };
}
