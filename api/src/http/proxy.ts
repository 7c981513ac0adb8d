// Which reverse proxies to believe (TRUST_PROXY). Each proxy appends the address it received
// the request from to X-Forwarded-For, so only the entries written by our own proxies are true:
// the client is the rightmost entry not written by one of them; anything left of it is the
// client's own choice and never used.
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** How many proxies stand in front of us, or which addresses they have. */
export type TrustProxy = { hops: number } | { proxies: BlockList };

export const noProxy: TrustProxy = { hops: 0 };

export interface Client {
  ip: string;
  /** The client reached us over TLS (directly, or per a trusted proxy's X-Forwarded-Proto). */
  tls: boolean;
}

const maxHops = 10;

/**
 * TRUST_PROXY: `false`/`0` none; `true` one proxy (the usual single nginx); a hop count; or a
 * comma-separated list of the proxies' addresses and CIDRs. A string is an error message.
 */
export function parseTrustProxy(value: string): TrustProxy | string {
  const text = value.trim().toLowerCase();
  if (text === 'false') return noProxy;
  if (text === 'true') return { hops: 1 };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= maxHops ? { hops } : `a hop count must be at most ${maxHops}`;
  }
  const proxies = new BlockList();
  for (const entry of text.split(',').map((e) => e.trim())) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (
      !family ||
      extra !== undefined ||
      (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits))
    ) {
      return `"${entry}" is not an address or CIDR: use false, true (one proxy), a hop count (e.g. 1) or proxy addresses/CIDRs (e.g. 10.0.0.0/8,::1)`;
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === null) proxies.addAddress(address, type);
    else proxies.addSubnet(address, bits, type);
  }
  return { proxies };
}

/** IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d: one key per client either way. */
function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** Whether `address`, seen `hop` hops from us (0: the socket's peer), is one of our proxies. */
function trusted(trust: TrustProxy, address: string, hop: number): boolean {
  if ('hops' in trust) return hop < trust.hops;
  const family = isIP(address);
  return family !== 0 && trust.proxies.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export const trustsAnyProxy = (trust: TrustProxy) => !('hops' in trust) || trust.hops > 0;

export function resolveClient(req: IncomingMessage, trust: TrustProxy): Client {
  const peer = normalize(req.socket.remoteAddress ?? 'unknown');
  const encrypted = Boolean((req.socket as { encrypted?: boolean }).encrypted);
  if (!trusted(trust, peer, 0)) return { ip: peer, tls: encrypted };
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((entry) => normalize(entry.trim()))
    .filter(Boolean);
  let ip = peer;
  for (let i = forwarded.length - 1, hop = 1; i >= 0; i--, hop++) {
    ip = forwarded[i] as string;
    if (!trusted(trust, ip, hop)) break;
  }
  // Our proxy sets X-Forwarded-Proto (nginx: $scheme); from anyone else it means nothing.
  const proto = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    ?.trim()
    .toLowerCase();
  return { ip, tls: encrypted || proto === 'https' };
}
