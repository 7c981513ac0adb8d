// Naming of the server databases used by a test run (CI's second pass).
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export function templateDatabase(url: string): string {
  return `${new URL(url).pathname.slice(1) || 'repere'}_test_template`;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
