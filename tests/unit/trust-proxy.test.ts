// TRUST_PROXY: which X-Forwarded-For entries and which X-Forwarded-Proto are believed, and the
// Origin check that follows from the scheme.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../../api/src/env.ts';
import { parseTrustProxy, resolveClient, type TrustProxy } from '../../api/src/http/proxy.ts';
import { identifyClient, sameOrigin } from '../../api/src/http/request.ts';

function request(peer: string, headers: Record<string, string> = {}, encrypted = false): IncomingMessage {
  return { socket: { remoteAddress: peer, encrypted }, headers } as unknown as IncomingMessage;
}

const trust = (value: string) => parseTrustProxy(value) as TrustProxy;

describe('TRUST_PROXY', () => {
  it('parses false, true (one hop), hop counts and address/CIDR lists; anything else is a clear error', () => {
    expect(parseEnv({}).TRUST_PROXY).toEqual({ hops: 0 });
    expect(parseEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toEqual({ hops: 0 });
    expect(parseEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toEqual({ hops: 1 });
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toEqual({ hops: 2 });
    expect(parseEnv({ TRUST_PROXY: '10.0.0.0/8, ::1' }).TRUST_PROXY).toHaveProperty('proxies');
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0.1,', 'fe80::/129', '300.1.1.1', '11']) {
      expect(() => parseEnv({ TRUST_PROXY: bad })).toThrow(ConfigError);
    }
    expect(() => parseEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY: "yes" is not an address or CIDR/);
  });

  it('the client is the rightmost address not written by a trusted proxy', () => {
    const xff = { 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 10.0.0.5' };
    expect(resolveClient(request('127.0.0.1', xff), trust('false')).ip).toBe('127.0.0.1');
    expect(resolveClient(request('127.0.0.1', xff), trust('1')).ip).toBe('10.0.0.5');
    expect(resolveClient(request('127.0.0.1', xff), trust('2')).ip).toBe('203.0.113.9');
    expect(resolveClient(request('::ffff:127.0.0.1', xff), trust('127.0.0.1, 10.0.0.0/8')).ip).toBe('203.0.113.9');
    // A peer outside the list: its X-Forwarded-For is its own choice.
    expect(resolveClient(request('198.51.100.2', xff), trust('127.0.0.1, 10.0.0.0/8')).ip).toBe('198.51.100.2');
    // Fewer entries than hops: the furthest address known.
    expect(resolveClient(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }), trust('3')).ip).toBe(
      '203.0.113.9',
    );
    expect(resolveClient(request('::ffff:192.0.2.1'), trust('1')).ip).toBe('192.0.2.1');
  });

  it('X-Forwarded-Proto counts only from a trusted proxy; the Origin must have the same scheme and host', () => {
    const headers = { 'x-forwarded-proto': 'https', host: 'repere.example', origin: 'https://repere.example' };
    expect(resolveClient(request('127.0.0.1', headers), trust('1')).tls).toBe(true);
    expect(resolveClient(request('127.0.0.1', headers), trust('false')).tls).toBe(false);
    expect(resolveClient(request('198.51.100.2', headers), trust('127.0.0.1')).tls).toBe(false);

    const behindTls = request('127.0.0.1', headers);
    identifyClient(behindTls, trust('1'));
    expect(sameOrigin(behindTls)).toBe(true);
    const plain = request('127.0.0.1', headers);
    identifyClient(plain, trust('false'));
    expect(sameOrigin(plain)).toBe(false);
    const http = request('127.0.0.1', { ...headers, origin: 'http://repere.example' });
    identifyClient(http, trust('false'));
    expect(sameOrigin(http)).toBe(true);
    expect(sameOrigin(request('127.0.0.1', { host: 'repere.example', origin: 'https://repere.example' }, true))).toBe(
      true,
    );
    expect(sameOrigin(request('127.0.0.1', { host: 'repere.example', origin: 'https://ailleurs.example' }, true))).toBe(
      false,
    );
  });
});
