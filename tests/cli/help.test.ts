// `--help` works everywhere in the CLI: the usage on standard output and success, without
// opening any database (so it also answers while a server holds the embedded one).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const repere = (args: string[]) =>
  spawnSync('node', ['--import', 'tsx', 'api/src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    // A data dir that does not exist: --help must not need one.
    env: { ...process.env, PGLITE_DIR: join(root, '.data', 'no-such-dir'), DATABASE_URL: '' },
  });

describe('pnpm repere --help', () => {
  for (const args of [['--help'], ['help'], ['-h'], ['user', 'create', '--help'], ['db', 'seed', '--help']]) {
    it(`${args.join(' ')}: usage, exit 0`, () => {
      const res = repere(args);
      expect(res.stderr).toBe('');
      expect(res.status).toBe(0);
      expect(res.stdout).toContain('Usage: pnpm repere <command>');
      expect(res.stdout).toContain('mail list');
    });
  }
});
