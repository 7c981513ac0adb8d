// Accounts for tests: created in the database (as the CLI does), then used over HTTP.

import type { Db } from '../../api/src/db/client.ts';
import { hashPassword } from '../../api/src/modules/accounts/secrets.ts';
import { insertUser } from '../../api/src/modules/accounts/store.ts';
import type { Role } from '../../shared/src/enums.ts';
import type { TestApi } from './api.ts';
import { tokenIn } from './mail.ts';

export const testPassword = 'essai-mot-de-passe-long';

let hashed: Promise<string> | undefined;

export interface AccountSpec {
  email: string;
  role: Role;
  status?: 'PENDING' | 'VETTED' | 'REJECTED' | 'REVOKED';
  /** Raw uuids of the structures the account is a member of. */
  structureIds?: string[];
}

export async function createAccount(db: Db, spec: AccountSpec): Promise<string> {
  hashed ??= hashPassword(testPassword);
  const status = spec.status ?? 'VETTED';
  const id = await insertUser(db, {
    email: spec.email,
    passwordHash: await hashed,
    role: spec.role,
    status,
    name: spec.email.split('@')[0] ?? 'essai',
    organisation: 'Association d’essai',
    vettedMonths: spec.role === 'PROFESSIONAL' && status === 'VETTED' ? 12 : null,
    structureIds: spec.structureIds ?? [],
  });
  if (!id) throw new Error(`account ${spec.email} exists`);
  return id;
}

/** Logs in over GraphQL and returns the bearer headers. */
export async function loginHeaders(api: TestApi, email: string, password = testPassword) {
  const res = await api.gql(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
    e: email,
    p: password,
  });
  const token = res.data?.login?.token;
  if (!token) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
  return { authorization: `Bearer ${token}` };
}

/** Raw uuid of a GraphQL id. */
export const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1] as string;

const registerMutation = `mutation ($input: ProfessionalRegistrationInput!) { registerProfessional(input: $input) { status } }`;

/**
 * A professional's registration as a person makes it: register over GraphQL, receive the mail
 * over SMTP, confirm the address with its token. Returns the registration's answer.
 */
export async function registerVerified(api: TestApi, input: Record<string, unknown> & { email: string }) {
  const registered = await api.gql(registerMutation, { input });
  if (registered.errors) return registered;
  const mail = await api.mail.next(input.email, /confirm/);
  const verified = await api.gql('mutation ($t: String!) { verifyEmail(token: $t) }', { t: tokenIn(mail) });
  if (!verified.data?.verifyEmail) throw new Error(`verification failed: ${JSON.stringify(verified.errors)}`);
  return registered;
}
