// What every resolver receives: who is asking, the database, a request-scoped logger.
import type { Role } from '@repere/shared/enums';
import type { AccessLevel } from '@repere/shared/policy';
import type { Logger } from 'pino';
import type { Db } from './db/client.ts';
import type { Mailer } from './mail/mailer.ts';
import type { Links } from './mail/messages.ts';
import type { HttpExchange } from './modules/accounts/exchange.ts';
import type { AuditTrail } from './modules/audit/trail.ts';
import type { Geocoder } from './modules/places/geocoder.ts';
import type { StructureView } from './modules/structures/visibility.ts';
import type { RateLimits } from './rate-limits.ts';

/** Where an account stands for access, as of this request (EXPIRED: vetting lapsed). */
export type ViewerStatus = 'PENDING' | 'VETTED' | 'EXPIRED' | 'REJECTED' | 'REVOKED';

export interface UserViewer {
  kind: 'user';
  userId: string;
  sessionId: string;
  role: Role;
  status: ViewerStatus;
  /** Structures the account is a member of (vetted professionals only: others get none). */
  structureIds: string[];
}

/** Who is asking: nobody, a partner app with an API key, or an account. */
export type Viewer = { kind: 'anonymous' } | { kind: 'partner'; apiKeyId: string } | UserViewer;

export interface Context {
  viewer: Viewer;
  /** The partner app's key when one was sent (usage and quota), whoever the viewer is. */
  apiKeyId: string | null;
  /** What the structure store reads for this viewer (viewFor(viewer), computed once per request). */
  view: StructureView;
  db: Db;
  log: Logger;
  requestId: string;
  audit: AuditTrail;
  http: HttpExchange;
  limits: RateLimits;
  /** Null when no geocoder is configured: moderators then give coordinates. */
  geocoder: Geocoder | null;
  mailer: Mailer;
  /** Back-office pages that mails link to. */
  links: Links;
  /**
   * With read replicas: this request's queries may read from one (the account has not written
   * lately). Apollo hands resolvers a copy of the context, so this travels in it.
   */
  mayReadReplica?: boolean;
}

/** The viewer's access level for structures in general (members get more on their own). */
export function viewerLevel(viewer: Viewer): AccessLevel {
  if (viewer.kind !== 'user' || viewer.status !== 'VETTED') return 'everyone';
  return viewer.role === 'PROFESSIONAL' ? 'professional' : 'moderator';
}

/** The viewer's access level for one structure: `member` on their own structures. */
export function levelFor(viewer: Viewer, structureId: string): AccessLevel {
  const level = viewerLevel(viewer);
  if (level === 'professional' && viewer.kind === 'user' && viewer.structureIds.includes(structureId)) {
    return 'member';
  }
  return level;
}

export function isAdmin(viewer: Viewer): boolean {
  return viewer.kind === 'user' && viewer.status === 'VETTED' && viewer.role === 'ADMIN';
}

/** A vetted professional (not a moderator): whose reads of CONFIDENTIAL fields are audited. */
export function isProfessional(viewer: Viewer): viewer is UserViewer {
  return viewer.kind === 'user' && viewer.status === 'VETTED' && viewer.role === 'PROFESSIONAL';
}
