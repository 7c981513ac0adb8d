// Child processes of the tests (the CLI, servers, Vite): run asynchronously so that the worker
// stays responsive (its time limits and afterAll hooks still run), waited on by what they
// print, and always stopped: by the test's `finally`, by `stopChildren` in afterAll, and by
// the worker's exit should both be skipped.
import { type ChildProcess, spawn } from 'node:child_process';
import { limit } from './time.ts';

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface Finished {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  input?: string;
}

export interface Started {
  child: ChildProcess;
  /** Everything printed so far, stdout then stderr. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout; rejects if the child exits first. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpExecArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` (SIGTERM) and waits for the exit; SIGKILL if it does not come in time. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function start(command: string, args: string[], options: RunOptions): Started {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: 'pipe' });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  // 'close' rather than 'exit': by then every byte the child printed has been read.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
    child.on('error', (error) => {
      stderr += String(error);
      running.delete(child);
      resolve({ code: null, signal: null });
    });
  });
  if (options.input !== undefined) child.stdin?.end(options.input);
  else child.stdin?.end();
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitFor(pattern, ms = limit(180_000)) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (!match) return false;
          done();
          resolve(match);
          return true;
        };
        const onData = () => void check();
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} within ${ms} ms; printed:\n${stdout}\n${stderr}`));
        }, ms);
        const done = () => {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
        };
        if (check()) return;
        child.stdout?.on('data', onData);
        void exited.then(({ code, signal }) => {
          if (check()) return;
          done();
          reject(new Error(`exited (${code ?? signal}) before printing ${pattern}:\n${stdout}\n${stderr}`));
        });
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const killer = setTimeout(() => child.kill('SIGKILL'), limit(60_000));
      try {
        return await exited;
      } finally {
        clearTimeout(killer);
      }
    },
  };
}

/** Runs a command to its end. */
export async function run(command: string, args: string[], options: RunOptions): Promise<Finished> {
  const started = start(command, args, options);
  const { code, signal } = await started.exited;
  return { status: code, signal, stdout: started.stdout(), stderr: started.stderr() };
}

/** Stops every child still running (afterAll of files that start some). */
export async function stopChildren(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('close', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}
