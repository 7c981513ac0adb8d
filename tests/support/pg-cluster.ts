// Throw-away PostgreSQL 15 clusters on loopback for the scale-out tests: a primary made by
// initdb and a streaming replica made by pg_basebackup, in temporary folders, on free ports.
// Run as the postgres user when the tests run as root (initdb refuses root).
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './processes.ts';

export const pgBin = '/usr/lib/postgresql/15/bin';
export const clustersAvailable = existsSync(join(pgBin, 'initdb')) && existsSync(join(pgBin, 'pg_basebackup'));

export interface Cluster {
  port: number;
  dir: string;
  url(database: string): string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The server's log (statements, when `logStatements` was asked for). */
  log(): string;
  /** Stops it and removes its folder. */
  remove(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;
let postgresIds: { uid: number; gid: number } | null = null;

function ids(): { uid: number; gid: number } {
  if (!postgresIds) {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('postgres:'));
    if (!line) throw new Error('no postgres user to run a test cluster as');
    const [, , uid, gid] = line.split(':');
    postgresIds = { uid: Number(uid), gid: Number(gid) };
  }
  return postgresIds;
}

/** Runs a PostgreSQL program (as postgres when we are root); throws with its output on failure. */
async function pg(program: string, args: string[]): Promise<void> {
  const [command, all] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(pgBin, program), ...args]]
    : [join(pgBin, program), args];
  const res = await run(command, all, { cwd: tmpdir(), env: process.env });
  if (res.status !== 0) throw new Error(`${program} failed (${res.status}): ${res.stderr}${res.stdout}`);
}

function folder(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `repere-${name}-`));
  if (asRoot) chownSync(dir, ids().uid, ids().gid);
  chmodSync(dir, 0o700);
  return dir;
}

function cluster(dir: string, port: number): Cluster {
  const logFile = join(dir, 'server.log');
  const data = join(dir, 'data');
  let running = false;
  const self: Cluster = {
    port,
    dir,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await pg('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '120', 'start']);
      running = true;
    },
    async stop() {
      if (!running) return;
      await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '120', 'stop']);
      running = false;
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    async remove() {
      try {
        await self.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return self;
}

function configure(data: string, port: number, dir: string, extra: string[]): void {
  const conf = join(data, 'postgresql.conf');
  const lines = [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${dir}'`,
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    ...extra,
  ];
  writeFileSync(conf, `${readFileSync(conf, 'utf8')}\n# repere test cluster\n${lines.join('\n')}\n`);
}

/** A primary with a database `repere`, ready for streaming replicas. */
export async function startPrimary(): Promise<Cluster> {
  const dir = folder('primary');
  const port = await freePort();
  const data = join(dir, 'data');
  const primary = cluster(dir, port);
  try {
    await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    configure(data, port, dir, ['wal_level = replica', 'max_wal_senders = 5', 'wal_keep_size = 256MB']);
    writeFileSync(
      join(data, 'pg_hba.conf'),
      'local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n',
    );
    await primary.start();
    await pg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'repere']);
    return primary;
  } catch (error) {
    await primary.remove();
    throw error;
  }
}

/** A hot standby of `primary`, streaming; with `logStatements`, its log holds every statement. */
export async function startReplica(primary: Cluster, options: { logStatements?: boolean } = {}): Promise<Cluster> {
  const dir = folder('replica');
  const port = await freePort();
  const data = join(dir, 'data');
  const replica = cluster(dir, port);
  try {
    await pg('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      data,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
      '--no-sync',
    ]);
    configure(data, port, dir, ['hot_standby = on', ...(options.logStatements ? ["log_statement = 'all'"] : [])]);
    await replica.start();
    return replica;
  } catch (error) {
    await replica.remove();
    throw error;
  }
}
