// Sessions through the login mutation's COOKIE transport: the token never reaches JavaScript.
// Who the viewer is and what they may do always comes from the server (`viewer`).
import type { AuthProvider } from 'react-admin';
import type { ViewerQuery } from './gql/graphql.ts';
import { graphql } from './gql/index.ts';
import { request } from './graphql.ts';

/** The account behind the session, with the structures it is a member of (professionals send referrals from them). */
export type Viewer = NonNullable<ViewerQuery['viewer']>;

const viewerQuery = graphql(`query Viewer { viewer { id email name role status structures { id name } } }`);

const loginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password, transport: COOKIE) { viewer { id } }
  }
`);

const logoutMutation = graphql(`mutation Logout { logout }`);

let viewer: Promise<Viewer | null> | null = null;

/** What a failed login tells the person, in their language (the server's text is for logs). A revoked
 * account gets the wrong-password answer: telling them apart would confirm the password. */
const loginMessages: Record<number, string> = {
  401: 'ra.auth.sign_in_error',
  429: 'repere.errors.rateLimited',
};

/** The viewer behind the cookie, asked once per session of the page. */
function currentViewer(): Promise<Viewer | null> {
  viewer ??= request(viewerQuery).then(
    (data) => data.viewer,
    (error) => {
      viewer = null;
      throw error;
    },
  );
  return viewer;
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    viewer = null;
    try {
      await request(loginMutation, { email: username, password });
    } catch (error) {
      throw new Error(loginMessages[(error as { status?: number }).status ?? 0] ?? 'ra.auth.sign_in_error');
    }
    // Moderators and admins land on the dashboard, professionals on the directory.
    const role = (await currentViewer())?.role;
    return { redirectTo: role === 'PROFESSIONAL' ? '/structures' : '/' };
  },
  async logout() {
    viewer = null;
    await request(logoutMutation).catch(() => undefined);
  },
  async checkAuth() {
    // Asked again on each page: a session ended on the server (expiry, revocation) shows at once.
    viewer = null;
    if (!(await currentViewer())) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      viewer = null;
      throw new Error('ra.notification.logged_out');
    }
  },
  async getIdentity() {
    const v = await currentViewer();
    if (!v) throw new Error('ra.auth.auth_check_error');
    return { id: v.id, fullName: v.name, role: v.role, structures: v.structures };
  },
  async getPermissions() {
    return (await currentViewer())?.role ?? null;
  },
};
