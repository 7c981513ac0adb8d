// Naming of the server databases used by a test run (CI's second pass). Each run has a prefix
// of its own (`repere_t<pid>`), so that two runs on one server (CI beside a developer) never
// drop each other's template or databases.
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

/** What every run's prefix starts with; the pid follows. */
export const runBase = (url: string) => `${new URL(url).pathname.slice(1) || 'repere'}_t`;

export const runPrefix = (url: string, pid = process.pid) => `${runBase(url)}${pid}`;

export const templateOf = (prefix: string) => `${prefix}_template`;

/** The run's prefix, from the template name the global setup provides. */
export const prefixOf = (template: string) => template.replace(/_template$/, '');

/** A LIKE pattern for the databases of a prefix (`_` is a wildcard in LIKE). */
export const likePrefix = (prefix: string) => `${prefix.replaceAll('_', '\\_')}%`;

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
