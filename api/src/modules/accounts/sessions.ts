// Who is asking, from the request's credentials: a session token (bearer or cookie), an API
// key, or nothing. A credential that does not (or no longer) open anything is refused.
import type { SessionTransport } from '@repere/shared/enums';
import type { UserViewer, Viewer, ViewerStatus } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { useApiKey } from '../api-keys/store.ts';
import { digest } from './secrets.ts';
import { findSession, type SessionLimits, type SessionRow, touchSession } from './store.ts';

/** Vetting lasts this long; approving again renews it. */
export const vettingMonths = 12;

export const sessionLimits: SessionLimits = { idleMinutes: 8 * 60, maxHours: 7 * 24 };

export function viewerStatus(row: Pick<SessionRow, 'status' | 'vettingCurrent'>): ViewerStatus {
  if (row.status === 'VETTED' && !row.vettingCurrent) return 'EXPIRED';
  return row.status;
}

async function sessionViewer(
  db: Db,
  token: string,
  transport: SessionTransport,
): Promise<{ viewer: UserViewer; readPrimary: boolean } | null> {
  const row = await findSession(db, digest(token), transport, sessionLimits);
  if (!row) return null;
  if (row.stale) await touchSession(db, row.sessionId);
  return { viewer: userViewer(row), readPrimary: row.readPrimary };
}

function userViewer(row: SessionRow): UserViewer {
  const status = viewerStatus(row);
  return {
    kind: 'user',
    userId: row.userId,
    sessionId: row.sessionId,
    role: row.role,
    status,
    // Membership opens a structure's protected values only while vetted.
    structureIds: status === 'VETTED' ? row.structureIds : [],
  };
}

export interface Credentials {
  bearer: string | null;
  cookie: string | null;
  apiKey: string | null;
}

export type Identified =
  | {
      ok: true;
      viewer: Viewer;
      apiKeyId: string | null;
      staleCookie: boolean;
      /** The account wrote lately: read from the primary (read-your-writes with replicas). */
      readPrimary: boolean;
    }
  | { ok: false; message: string; key: 'unknownApiKey' | 'sessionExpired' };

/**
 * Bearer tokens and API keys that open nothing are refused (the caller must know); a stale
 * cookie is dropped and the request goes on as anonymous (the back office then logs in).
 */
export async function identify(db: Db, credentials: Credentials): Promise<Identified> {
  let apiKeyId: string | null = null;
  if (credentials.apiKey) {
    apiKeyId = await useApiKey(db, digest(credentials.apiKey));
    if (!apiKeyId) return { ok: false, message: 'Unknown or revoked API key.', key: 'unknownApiKey' };
  }
  if (credentials.bearer) {
    const session = await sessionViewer(db, credentials.bearer, 'TOKEN');
    if (!session) return { ok: false, message: 'Session expired or revoked: log in again.', key: 'sessionExpired' };
    return { ok: true, ...session, apiKeyId, staleCookie: false };
  }
  if (credentials.cookie) {
    const session = await sessionViewer(db, credentials.cookie, 'COOKIE');
    if (session) return { ok: true, ...session, apiKeyId, staleCookie: false };
  }
  const viewer: Viewer = apiKeyId ? { kind: 'partner', apiKeyId } : { kind: 'anonymous' };
  return { ok: true, viewer, apiKeyId, staleCookie: Boolean(credentials.cookie), readPrimary: false };
}
