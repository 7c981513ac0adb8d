// An embedded data dir may be opened by one process at a time; this lock says who holds it.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

export interface DirLock {
  release(): void;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dir} is in use by process ${pid} (probably a running Repère server). ` +
        'Stop it first, or point DATABASE_URL at a server database. Nothing was changed.',
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDirLock(dir: string): DirLock {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && alive(pid)) throw new DataDirBusyError(dir, pid);
      rmSync(file, { force: true }); // stale lock from a crashed process
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
