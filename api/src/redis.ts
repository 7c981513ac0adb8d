// Redis holds only the shared rate-limit counters. While it is away (down, or a connection that
// accepts and drops), requests must not wait for it: the limiters fall back to each instance's
// memory. So commands fail at once when there is no connection instead of queueing for one, and
// a Redis that stops answering costs at most `commandTimeout`.
import { Redis } from 'ioredis';

export function connectRedis(url: string): Redis {
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500 });
}
