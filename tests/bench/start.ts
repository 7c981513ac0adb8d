// `pnpm exec tsx tests/bench/start.ts`: how long `pnpm start` takes to answer /readyz with a new
// embedded data dir (the first start), then with that data dir again (a restart). Runs `pnpm start`
// exactly as a user does, on a free port and a data dir of its own; prints the server's own phase
// timings and the machine's load, which these figures depend on.
//   --runs N     restarts to time (default 3; the median is printed)
//   --keep-dist  leave admin/dist as it is (default); --cold-admin removes its stamp first, so the
//                first start also builds the back office
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const coldAdmin = args.includes('--cold-admin');

const load = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Timed {
  readyMs: number;
  /** CPU time (user + system) of `pnpm start` and everything it ran, up to readiness. */
  cpuMs: number;
  phases: string[];
}

/** CPU time of `pid` and its descendants, finished ones included (Linux /proc). */
function treeCpuMs(pid: number): number {
  const ticks = 100; // USER_HZ on Linux
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        // The command name (field 2) may hold spaces: split after its closing parenthesis.
        const text = readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
        const [ppid, utime, stime, cutime, cstime] = [1, 11, 12, 13, 14].map((i) => Number(fields[i]));
        return [{ pid: Number(name), ppid: ppid!, cpu: utime! + stime! + cutime! + cstime! }];
      } catch {
        return []; // exited meanwhile
      }
    });
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) {
      if (tree.has(s.ppid) && !tree.has(s.pid)) {
        tree.add(s.pid);
        grew = true;
      }
    }
  }
  return (stats.filter((s) => tree.has(s.pid)).reduce((sum, s) => sum + s.cpu, 0) * 1000) / ticks;
}

/** Starts `pnpm start`, waits for /readyz to answer 200, stops it with SIGTERM. */
async function timeStart(dataDir: string): Promise<Timed> {
  const port = await freePort();
  const started = performance.now();
  // Its own process group, so that SIGTERM reaches node under pnpm as Ctrl-C would.
  const child: ChildProcess = spawn('pnpm', ['start'], {
    cwd: root,
    detached: true,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PGLITE_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let readyMs = Number.NaN;
  let cpuMs = Number.NaN;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`pnpm start exited (${child.exitCode}):\n${output}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) {
          readyMs = performance.now() - started;
          cpuMs = child.pid ? treeCpuMs(child.pid) : Number.NaN;
          break;
        }
      } catch {}
      if (performance.now() - started > 300_000) throw new Error(`not ready after 300 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
  const phases = output
    .split('\n')
    .filter((line) => line.startsWith('back office') || line.includes('"ms":'))
    .map((line) => {
      if (!line.startsWith('{')) return line;
      const { msg, ms, ...rest } = JSON.parse(line) as Record<string, unknown>;
      const keep = Object.fromEntries(
        Object.entries(rest).filter(([k]) => !['level', 'time', 'pid', 'hostname', 'service'].includes(k)),
      );
      return `${msg}: ${ms} ms ${JSON.stringify(keep)}`;
    });
  return { readyMs, cpuMs, phases };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const dir = mkdtempSync(join(tmpdir(), 'repere-start-'));
try {
  if (coldAdmin) rmSync(join(root, 'admin', 'dist', '.source-hash'), { force: true });
  console.log(`load before: ${load()}`);
  const dataDir = join(dir, 'pglite');
  const first = await timeStart(dataDir);
  console.log(`first start (new data dir): ready in ${seconds(first.readyMs)} (CPU ${seconds(first.cpuMs)})`);
  for (const phase of first.phases) console.log(`  ${phase}`);
  const restarts: Timed[] = [];
  for (let i = 0; i < runs; i++) {
    const again = await timeStart(dataDir);
    restarts.push(again);
    console.log(`restart ${i + 1}: ready in ${seconds(again.readyMs)} (CPU ${seconds(again.cpuMs)})`);
    for (const phase of again.phases) console.log(`  ${phase}`);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  console.log(
    `first start ${seconds(first.readyMs)} (CPU ${seconds(first.cpuMs)}), restart median ` +
      `${seconds(median(restarts.map((r) => r.readyMs)))} (CPU ${seconds(median(restarts.map((r) => r.cpuMs)))})`,
  );
  console.log(`load after: ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
