// What every resolver receives: who is asking, the database, a request-scoped logger.
import type { AccessLevel } from '@repere/shared/policy';
import type { Logger } from 'pino';
import type { Db } from './db/client.ts';

/**
 * Who is asking. Anonymous callers and partner apps see the public audience; accounts
 * (issue 3) add professionals, members and moderators as new variants.
 */
export type Viewer = { kind: 'anonymous' } | { kind: 'partner'; apiKeyId: string };

export interface Context {
  viewer: Viewer;
  db: Db;
  log: Logger;
  requestId: string;
}

/** The viewer's access level for structures in general (per-structure membership: issue 3). */
export function viewerLevel(viewer: Viewer): AccessLevel {
  switch (viewer.kind) {
    case 'anonymous':
    case 'partner':
      return 'everyone';
  }
}
