// All SQL of accounts, memberships and sessions. Tokens and passwords arrive hashed.
import type { AccountStatus, EmailTokenPurpose, Role, SessionTransport } from '@repere/shared/enums';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface UserRow {
  id: string;
  email: string;
  role: Role;
  status: AccountStatus;
  name: string;
  organisation: string | null;
  jobTitle: string | null;
  justification: string | null;
  claimedStructureId: string | null;
  vettedAt: string | null;
  vettedUntil: string | null;
  vettingNote: string | null;
  decisionReason: string | null;
  decidedAt: string | null;
  createdAt: string;
  structureIds: string[];
  /** Vetting has not lapsed (see vettingCurrent). */
  vettingCurrent: boolean;
  /** The owner of the address proved it (registrations reach the vetting queue only then). */
  emailVerified: boolean;
}

/** The one definition of "vetting is current": professionals until `vetted_until`, others always. */
const vettingCurrent = sql`(u.role <> 'PROFESSIONAL' OR coalesce(u.vetted_until > now(), false))`;

const userColumns = sql`${vettingCurrent} AS "vettingCurrent", u.email_verified_at IS NOT NULL AS "emailVerified", u.id, u.email, u.role::text AS role, u.status::text AS status, u.name, u.organisation,
  u.job_title AS "jobTitle", u.justification, u.claimed_structure_id AS "claimedStructureId",
  ${iso(sql`u.vetted_at`)} AS "vettedAt", ${iso(sql`u.vetted_until`)} AS "vettedUntil",
  u.vetting_note AS "vettingNote", u.decision_reason AS "decisionReason", ${iso(sql`u.decided_at`)} AS "decidedAt",
  ${iso(sql`u.created_at`)} AS "createdAt",
  ARRAY(SELECT m.structure_id::text FROM memberships m WHERE m.user_id = u.id ORDER BY m.structure_id) AS "structureIds"`;

export interface NewUser {
  email: string;
  passwordHash: string;
  role: Role;
  status: AccountStatus;
  name: string;
  organisation?: string | null;
  jobTitle?: string | null;
  justification?: string | null;
  claimedStructureId?: string | null;
  vettedMonths?: number | null;
  structureIds?: string[];
  /** False for a self-registration until the emailed link is used; accounts made by staff are. */
  emailVerified?: boolean;
}

/** Inserts an account; null when the email is taken (the caller decides what to say). */
export async function insertUser(db: Db, user: NewUser): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.rows<{ id: string }>(sql`/* user-insert */
      INSERT INTO users (email, password_hash, role, status, name, organisation, job_title, justification,
        claimed_structure_id, vetted_at, vetted_until, email_verified_at)
      VALUES (${user.email}, ${user.passwordHash}, ${user.role}::role, ${user.status}::account_status, ${user.name},
        ${user.organisation ?? null}, ${user.jobTitle ?? null}, ${user.justification ?? null},
        (SELECT id FROM structures WHERE id = ${user.claimedStructureId ?? null}::uuid),
        CASE WHEN ${user.status} = 'VETTED' THEN now() END,
        CASE WHEN ${user.vettedMonths ?? null}::int IS NOT NULL
          THEN now() + make_interval(months => ${user.vettedMonths ?? null}::int) END,
        CASE WHEN ${user.emailVerified ?? true} THEN now() END)
      ON CONFLICT (email) DO NOTHING
      RETURNING id`);
    if (!row) return null;
    if (user.structureIds?.length) await setMemberships(tx, row.id, user.structureIds);
    return row.id;
  });
}

export type Registration = { kind: 'new'; id: string } | { kind: 'taken' };

/**
 * A professional's self-registration, unverified. An address whose account was never verified
 * is not anyone's yet: a new registration replaces it (and ends its sessions), so registering
 * someone else's address first squats nothing. Any other existing account is left untouched.
 */
export async function registerUnverified(db: Db, user: NewUser): Promise<Registration> {
  return db.transaction(async (tx) => {
    const [row] = await tx.rows<{ id: string }>(sql`/* user-register */
      INSERT INTO users AS u (email, password_hash, role, status, name, organisation, job_title, justification,
        claimed_structure_id)
      VALUES (${user.email}, ${user.passwordHash}, 'PROFESSIONAL', 'PENDING', ${user.name},
        ${user.organisation ?? null}, ${user.jobTitle ?? null}, ${user.justification ?? null},
        (SELECT id FROM structures WHERE id = ${user.claimedStructureId ?? null}::uuid))
      ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash, name = excluded.name,
        organisation = excluded.organisation, job_title = excluded.job_title, justification = excluded.justification,
        claimed_structure_id = excluded.claimed_structure_id, created_at = now()
      WHERE u.email_verified_at IS NULL AND u.role = 'PROFESSIONAL' AND u.status = 'PENDING'
      RETURNING id`);
    if (!row) return { kind: 'taken' as const };
    await tx.rows(sql`/* sessions-revoke-user */
      UPDATE sessions SET revoked_at = now() WHERE user_id = ${row.id}::uuid AND revoked_at IS NULL`);
    return { kind: 'new' as const, id: row.id };
  });
}

/** The account behind an address, for mails about it (verification, reset); null when none. */
export async function findByEmail(
  db: Db,
  email: string,
): Promise<{ id: string; status: AccountStatus; emailVerified: boolean } | null> {
  const [row] = await db.rows<{ id: string; status: AccountStatus; emailVerified: boolean }>(sql`/* user-by-email */
    SELECT id, status::text AS status, email_verified_at IS NOT NULL AS "emailVerified" FROM users WHERE email = ${email}`);
  return row ?? null;
}

/** A new single-use token; earlier unused ones of the same purpose stop working. */
export async function insertEmailToken(
  db: Db,
  userId: string,
  purpose: EmailTokenPurpose,
  tokenHash: string,
  minutes: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.rows(sql`/* email-tokens-supersede */
      UPDATE email_tokens SET used_at = now()
      WHERE user_id = ${userId}::uuid AND purpose = ${purpose}::email_token_purpose AND used_at IS NULL`);
    await tx.rows(sql`/* email-token-insert */
      INSERT INTO email_tokens (token_hash, user_id, purpose, expires_at)
      VALUES (${tokenHash}, ${userId}::uuid, ${purpose}::email_token_purpose, now() + make_interval(mins => ${minutes}::int))`);
  });
}

/**
 * Uses a token once (atomically: two concurrent uses cannot both succeed) and applies what it
 * proves: the address is verified; for a reset, the new password replaces the old and every
 * session ends. Null when the token is unknown, used, expired, or its account revoked.
 */
export async function useEmailToken(
  db: Db,
  tokenHash: string,
  purpose: EmailTokenPurpose,
  newPasswordHash: string | null = null,
): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [token] = await tx.rows<{ userId: string }>(sql`/* email-token-use */
      UPDATE email_tokens t SET used_at = now()
      FROM users u
      WHERE t.token_hash = ${tokenHash} AND t.purpose = ${purpose}::email_token_purpose AND t.used_at IS NULL
        AND t.expires_at > now() AND u.id = t.user_id AND u.status <> 'REVOKED'
      RETURNING t.user_id AS "userId"`);
    if (!token) return null;
    await tx.rows(sql`/* user-email-verified */
      UPDATE users SET email_verified_at = coalesce(email_verified_at, now()),
        password_hash = coalesce(${newPasswordHash}, password_hash)
      WHERE id = ${token.userId}::uuid`);
    if (newPasswordHash) {
      await tx.rows(sql`/* sessions-revoke-user */
        UPDATE sessions SET revoked_at = now() WHERE user_id = ${token.userId}::uuid AND revoked_at IS NULL`);
    }
    return token.userId;
  });
}

export async function setMemberships(db: Db, userId: string, structureIds: string[]): Promise<void> {
  await db.rows(sql`/* memberships-clear */ DELETE FROM memberships WHERE user_id = ${userId}::uuid`);
  if (structureIds.length === 0) return;
  await db.rows(sql`/* memberships-set */
    INSERT INTO memberships (user_id, structure_id)
    SELECT ${userId}::uuid, id FROM structures WHERE id IN (${sql.join(
      structureIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`);
}

export async function findUser(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.rows<UserRow>(
    sql`/* user-by-id */ SELECT ${userColumns} FROM users u WHERE u.id = ${id}::uuid`,
  );
  return row ?? null;
}

/** Several accounts by id (audit entries name their actor and subject), in one query. */
export async function findUsers(db: Db, ids: string[]): Promise<UserRow[]> {
  if (!ids.length) return [];
  return db.rows<UserRow>(sql`/* users-by-id */ SELECT ${userColumns} FROM users u
    WHERE u.id = ANY(${`{${ids.join(',')}}`}::uuid[])`);
}

/** Accounts whose email or name contains `search` (admins looking for a person), by email. */
export async function searchAccounts(db: Db, search: string, first: number): Promise<UserRow[]> {
  // A search is text, never a pattern: LIKE's wildcards are escaped.
  const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.rows<UserRow>(sql`/* accounts-search */ SELECT ${userColumns} FROM users u
    WHERE lower(u.email) LIKE ${pattern} OR lower(u.name) LIKE ${pattern}
    ORDER BY u.email LIMIT ${first}`);
}

export interface Credentials {
  id: string;
  passwordHash: string;
  status: AccountStatus;
}

export async function findCredentials(db: Db, email: string): Promise<Credentials | null> {
  const [row] = await db.rows<Credentials>(sql`/* user-credentials */
    SELECT id, password_hash AS "passwordHash", status::text AS status FROM users WHERE email = ${email}`);
  return row ?? null;
}

/** Filter of the admins' list: EXPIRING = vetted, ending within 30 days; EXPIRED = vetting lapsed. */
export type ProfessionalFilter = AccountStatus | 'EXPIRING' | 'EXPIRED';

function accountsWhere(roles: Role[], status: ProfessionalFilter | null): SQL[] {
  const where: SQL[] = [
    // A registration reaches the admins once its address is verified.
    sql`u.email_verified_at IS NOT NULL`,
    sql`u.role IN (${sql.join(
      roles.map((r) => sql`${r}::role`),
      sql`, `,
    )})`,
  ];
  if (status === 'EXPIRING') {
    where.push(sql`u.status = 'VETTED' AND u.vetted_until > now() AND u.vetted_until <= now() + interval '30 days'`);
  } else if (status === 'EXPIRED') {
    where.push(sql`u.status = 'VETTED' AND NOT ${vettingCurrent}`);
  } else if (status === 'VETTED') {
    where.push(sql`u.status = 'VETTED' AND ${vettingCurrent}`);
  } else if (status) {
    where.push(sql`u.status = ${status}::account_status`);
  }
  return where;
}

export async function listAccounts(
  db: Db,
  roles: Role[],
  status: ProfessionalFilter | null,
  first: number,
  after: { at: string; id: string } | null,
): Promise<(UserRow & { sortAt: string })[]> {
  const where = accountsWhere(roles, status);
  if (after) where.push(sql`(u.created_at, u.id) > (${after.at}::timestamptz, ${after.id}::uuid)`);
  return db.rows<UserRow & { sortAt: string }>(sql`/* accounts-list */
    SELECT ${userColumns}, to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "sortAt"
    FROM users u WHERE ${sql.join(where, sql` AND `)}
    ORDER BY u.created_at, u.id LIMIT ${first + 1}`);
}

export async function countAccounts(db: Db, roles: Role[], status: ProfessionalFilter | null): Promise<number> {
  const [row] = await db.rows<{ n: number }>(sql`/* accounts-count */
    SELECT count(*)::int AS n FROM users u WHERE ${sql.join(accountsWhere(roles, status), sql` AND `)}`);
  return row?.n ?? 0;
}

export interface Decision {
  userId: string;
  adminId: string;
  note: string;
}

/** Vets (or re-vets) a professional for `months`; null when no such professional. */
export async function approve(db: Db, d: Decision & { months: number; structureIds: string[] | null }) {
  return db.transaction(async (tx) => {
    const [row] = await tx.rows<{ id: string; claimed: string | null }>(sql`/* professional-approve */
      UPDATE users SET status = 'VETTED', vetted_at = now(), vetted_until = now() + make_interval(months => ${d.months}::int),
        vetted_by = ${d.adminId}::uuid, vetting_note = ${d.note}, decision_reason = NULL, decided_at = now()
      WHERE id = ${d.userId}::uuid AND role = 'PROFESSIONAL'
      RETURNING id, claimed_structure_id AS claimed`);
    if (!row) return false;
    const structureIds = d.structureIds ?? (row.claimed ? [row.claimed] : []);
    await setMemberships(tx, row.id, structureIds);
    return true;
  });
}

/** Rejects or revokes; revoking also ends every session of the account at once. */
export async function decide(db: Db, d: Decision & { status: 'REJECTED' | 'REVOKED'; role?: Role }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.rows<{ id: string }>(sql`/* account-decide */
      UPDATE users SET status = ${d.status}::account_status, decision_reason = ${d.note}, decided_at = now(),
        vetted_by = ${d.adminId}::uuid
      WHERE id = ${d.userId}::uuid AND role = ${d.role ?? 'PROFESSIONAL'}::role
      RETURNING id`);
    if (!row) return false;
    await tx.rows(sql`/* sessions-revoke-user */
      UPDATE sessions SET revoked_at = now() WHERE user_id = ${d.userId}::uuid AND revoked_at IS NULL`);
    return true;
  });
}

export interface SessionLimits {
  idleMinutes: number;
  maxHours: number;
}

export async function insertSession(
  db: Db,
  userId: string,
  tokenHash: string,
  transport: SessionTransport,
  limits: SessionLimits,
): Promise<string> {
  const [row] = await db.rows<{ expiresAt: string }>(sql`/* session-insert */
    INSERT INTO sessions (token_hash, user_id, transport, expires_at)
    VALUES (${tokenHash}, ${userId}::uuid, ${transport}::session_transport,
      now() + make_interval(hours => ${limits.maxHours}::int))
    RETURNING ${iso(sql`expires_at`)} AS "expiresAt"`);
  return (row as { expiresAt: string }).expiresAt;
}

export interface SessionRow {
  sessionId: string;
  userId: string;
  role: Role;
  status: AccountStatus;
  vettingCurrent: boolean;
  stale: boolean;
  structureIds: string[];
  /** The account wrote lately: its reads go to the primary (read replicas). */
  readPrimary: boolean;
}

/** The live session behind a token (not revoked, not expired, not idle too long), or null. */
export async function findSession(
  db: Db,
  tokenHash: string,
  transport: SessionTransport,
  limits: SessionLimits,
): Promise<SessionRow | null> {
  const [row] = await db.rows<SessionRow>(sql`/* session-find */
    SELECT s.id AS "sessionId", u.id AS "userId", u.role::text AS role, u.status::text AS status,
      ${vettingCurrent} AS "vettingCurrent",
      s.last_seen_at < now() - interval '1 minute' AS stale,
      coalesce(s.primary_until > now(), false) AS "readPrimary",
      ARRAY(SELECT m.structure_id::text FROM memberships m WHERE m.user_id = u.id) AS "structureIds"
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = ${tokenHash} AND s.transport = ${transport}::session_transport AND s.revoked_at IS NULL
      AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => ${limits.idleMinutes}::int)
      AND u.status <> 'REVOKED'`);
  return row ?? null;
}

/** Idle expiry counts from the last use; written at most once a minute per session. */
export async function touchSession(db: Db, sessionId: string): Promise<void> {
  await db.rows(sql`/* session-touch */ UPDATE sessions SET last_seen_at = now() WHERE id = ${sessionId}::uuid`);
}

/** The account behind this session wrote: its reads go to the primary for `seconds`. */
export async function markSessionWrite(db: Db, sessionId: string, seconds: number): Promise<void> {
  await db.rows(sql`/* session-wrote */
    UPDATE sessions SET primary_until = now() + make_interval(secs => ${seconds}::float8)
    WHERE id = ${sessionId}::uuid`);
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.rows(sql`/* session-revoke */ UPDATE sessions SET revoked_at = now() WHERE id = ${sessionId}::uuid`);
}
