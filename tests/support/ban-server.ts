// A local stand-in for the BAN API (api-adresse.data.gouv.fr): /search/ answers in its GeoJSON
// format from a fixed list of addresses, so that no test ever reaches the real service.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BanAddress {
  /** Matched against the q parameter. */
  q: RegExp;
  /** The address's postcode: a request filtering on another postcode does not match it. */
  postcode: string;
  result: {
    lat: number;
    lon: number;
    label: string;
    score: number;
    inseeCode: string;
    city: string;
    type?: 'housenumber' | 'street' | 'locality' | 'municipality';
    /** Answered instead of `postcode`, to play a server that ignores or misapplies the filter. */
    postcode?: string;
  };
}

export interface BanServer {
  url: string;
  /** Path and query of every request, in order. */
  requests: string[];
  close(): Promise<void>;
  /** The next request gets this HTTP status and an error body. */
  failNext(status: number): void;
  /** The next answer is held back this long. */
  delayNext(ms: number): void;
  /** The next request gets this raw body (e.g. malformed JSON), with this status. */
  rawNext(body: string, status?: number): void;
}

export async function startBanServer(addresses: BanAddress[]): Promise<BanServer> {
  const requests: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let failStatus: number | null = null;
  let delayMs = 0;
  let raw: { body: string; status: number } | null = null;

  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const status = failStatus;
    const delay = delayMs;
    const override = raw;
    failStatus = null;
    delayMs = 0;
    raw = null;

    const answer = () => {
      if (override) send(res, override.status, override.body);
      else if (status !== null) send(res, status, error(status, 'Simulated failure'));
      else respond(req, res, addresses);
    };
    if (delay <= 0) {
      answer();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) answer();
    }, delay);
    timers.add(timer);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(s) {
      failStatus = s;
    },
    delayNext(ms) {
      delayMs = ms;
    },
    rawNext(body, s = 200) {
      raw = { body, status: s };
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      // Held-back answers would otherwise keep close() waiting on their connections.
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(body);
}

const error = (status: number, message: string) => JSON.stringify({ code: status, message });

function respond(req: IncomingMessage, res: ServerResponse, addresses: BanAddress[]): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const q = url.searchParams.get('q') ?? '';
  if (req.method !== 'GET') {
    send(res, 405, error(405, 'Method not allowed'));
  } else if (url.pathname !== '/search/' && url.pathname !== '/search') {
    send(res, 404, error(404, 'Not found'));
  } else if (!/^[\p{L}\p{N}]/u.test(q) || q.length < 3 || q.length > 200) {
    // As BAN does: q must hold 3 to 200 characters and start with a letter or a digit.
    send(res, 400, error(400, 'q must contain between 3 and 200 chars and start with a number or a letter'));
  } else {
    send(res, 200, JSON.stringify(search(url, q, addresses)));
  }
}

function search(url: URL, q: string, addresses: BanAddress[]): Record<string, unknown> {
  const postcode = url.searchParams.get('postcode');
  const citycode = url.searchParams.get('citycode');
  const limit = Number(url.searchParams.get('limit') ?? 5);

  const matches = addresses
    // search() ignores lastIndex, which a /g pattern's test() would carry between requests.
    .filter((a) => q.search(a.q) >= 0)
    .filter((a) => !postcode || a.postcode === postcode)
    .filter((a) => !citycode || a.result.inseeCode === citycode)
    .sort((a, b) => b.result.score - a.result.score)
    .slice(0, Math.max(1, limit));

  const filters: Record<string, string> = {};
  if (postcode) filters.postcode = postcode;
  if (citycode) filters.citycode = citycode;
  return {
    type: 'FeatureCollection',
    version: 'draft',
    features: matches.map(feature),
    attribution: 'BAN',
    licence: 'ETALAB-2.0',
    query: q,
    filters,
    limit,
  };
}

function feature(address: BanAddress): Record<string, unknown> {
  const r = address.result;
  const type = r.type ?? 'housenumber';
  const postcode = r.postcode ?? address.postcode;
  // The label reads "<name> <postcode> <city>"; a municipality's is the city alone.
  const suffix = ` ${postcode} ${r.city}`;
  const name = r.label.endsWith(suffix) ? r.label.slice(0, -suffix.length) : r.city;
  const housenumber = type === 'housenumber' ? /^(\d+(?:\s?(?:bis|ter|quater|[a-z]))?)\s/i.exec(name)?.[1] : undefined;
  const street = housenumber ? name.slice(housenumber.length).trim() : type === 'street' ? name : undefined;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
    properties: {
      label: r.label,
      score: r.score,
      ...(housenumber ? { housenumber } : {}),
      id: `${r.inseeCode}_fake_${(housenumber ?? '0').padStart(5, '0')}`,
      name,
      postcode,
      citycode: r.inseeCode,
      // Not a real Lambert-93 projection: nothing reads x and y, they only complete the shape.
      x: Math.round(r.lon * 100_000),
      y: Math.round(r.lat * 100_000),
      city: r.city,
      context: r.inseeCode.slice(0, 2),
      type,
      importance: 0.5,
      ...(street ? { street } : {}),
    },
  };
}
