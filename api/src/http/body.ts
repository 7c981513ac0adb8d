// Reading a request body within a size limit, without resetting the connection past it.
import type { IncomingMessage } from 'node:http';

export const maxBodyBytes = 2 * 1024 * 1024;
/**
 * Moderators' requests only (the back office's import sends data·inclusion files as text): about
 * 4,000 structures with their services. Larger files go through the CLI (`pnpm repere import`).
 */
export const maxUploadBytes = 8 * 1024 * 1024;
/** Past the limit the body is still read (and dropped) up to this, so the 413 gets through. */
const drainBytes = 64 * 1024 * 1024;

/** The body as text; `tooLarge` past the limit; `aborted` when the client went away. */
export function readBody(req: IncomingMessage, limit = maxBodyBytes): Promise<string | 'tooLarge' | 'aborted'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > drainBytes) {
        // Enough: answer now and close (the client may see a reset, having sent 64 MB).
        req.pause();
        resolve('tooLarge');
      } else chunks.length = 0;
    });
    req.on('end', () => resolve(size > limit ? 'tooLarge' : Buffer.concat(chunks).toString('utf8')));
    req.on('close', () => resolve('aborted'));
    req.on('error', reject);
  });
}
