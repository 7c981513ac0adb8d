// Optional geocoding of French street addresses through the Base Adresse Nationale (BAN) API.
// Queried addresses may be those of confidential shelters: they never appear in an error or a log.
import { z } from 'zod';

export interface GeocodeQuery {
  street: string;
  postalCode: string;
  city?: string;
  inseeCode?: string;
}

export interface GeocodeResult {
  lat: number;
  lon: number;
  score: number;
  label: string;
  postalCode: string;
  inseeCode: string;
  city: string;
  precision: 'housenumber' | 'street' | 'locality' | 'municipality';
}

export interface Geocoder {
  /** The best match, or null when nothing matches well enough; throws GeocoderUnavailableError. */
  geocode(query: GeocodeQuery): Promise<GeocodeResult | null>;
}

/** The geocoding service failed (status, timeout, bad body): says nothing of the queried address. */
export class GeocoderUnavailableError extends Error {
  override name = 'GeocoderUnavailableError';
}

export interface BanGeocoderOptions {
  /** Base URL of the API, e.g. https://api-adresse.data.gouv.fr (a path prefix is kept). */
  url: string;
  timeoutMs?: number;
  /** Below this BAN score (0 to 1) a match is too doubtful to place a structure on a map. */
  minScore?: number;
  fetch?: typeof fetch;
}

const precisions = ['housenumber', 'street', 'locality', 'municipality'] as const;

// Only what is read; other properties (x, y, context, importance...) may come and go.
const banResponse = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]).rest(z.number()) }),
      properties: z.object({
        label: z.string(),
        score: z.number(),
        // A type BAN may add later is read as "no usable match" rather than as an outage.
        type: z.string(),
        postcode: z.string().optional(),
        citycode: z.string(),
        city: z.string(),
      }),
    }),
  ),
});

// BAN files Paris, Lyon and Marseille addresses under their arrondissements' codes: filtering
// on the whole municipality's code would match nothing there.
const splitMunicipalities = new Set(['75056', '69123', '13055']);

/** BAN accepts 3 to 200 characters in q. */
const MAX_Q = 200;

export function createBanGeocoder(options: BanGeocoderOptions): Geocoder {
  const timeoutMs = options.timeoutMs ?? 3000;
  const minScore = options.minScore ?? 0.5;
  const base = options.url.endsWith('/') ? options.url : `${options.url}/`;
  const endpoint = new URL('search/', base);

  return {
    async geocode(query) {
      const q = [query.street, query.city]
        .map((s) => s?.trim())
        .filter(Boolean)
        .join(' ')
        .slice(0, MAX_Q);
      // No BAN result can carry a malformed postal code, and a too short q is refused with a 400.
      if (q.length < 3 || !/^\d{5}$/.test(query.postalCode)) return null;

      const url = new URL(endpoint);
      url.searchParams.set('q', q);
      url.searchParams.set('postcode', query.postalCode);
      if (query.inseeCode && !splitMunicipalities.has(query.inseeCode))
        url.searchParams.set('citycode', query.inseeCode);
      url.searchParams.set('limit', '1');

      const body = await fetchJson(options.fetch ?? globalThis.fetch, url, timeoutMs);
      const parsed = banResponse.safeParse(body);
      if (!parsed.success) {
        // Issue paths only: messages or values could echo the answer, i.e. the address.
        const paths = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].slice(0, 5);
        throw new GeocoderUnavailableError(`BAN geocoder: unexpected response shape at ${paths.join(', ')}`);
      }

      const feature = parsed.data.features[0];
      if (!feature) return null;
      const p = feature.properties;
      const precision = precisions.find((t) => t === p.type);
      if (!precision || p.score < minScore) return null;
      // The postcode filter should guarantee this; a match elsewhere would misplace the structure.
      if (p.postcode !== query.postalCode) return null;
      const [lon, lat] = feature.geometry.coordinates;
      return {
        lat,
        lon,
        score: p.score,
        label: p.label,
        postalCode: p.postcode,
        inseeCode: p.citycode,
        city: p.city,
        precision,
      };
    },
  };
}

/** GETs and parses JSON under one deadline (headers and body); failures name no query value. */
async function fetchJson(fetchFn: typeof fetch, url: URL, timeoutMs: number): Promise<unknown> {
  let text: string;
  try {
    const res = await fetchFn(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    if (!res.ok) {
      // Drain the body so that the connection can be reused; its content is not reported.
      await res.body?.cancel().catch(() => {});
      throw new GeocoderUnavailableError(`BAN geocoder answered HTTP ${res.status}`);
    }
    text = await res.text();
  } catch (err) {
    if (err instanceof GeocoderUnavailableError) throw err;
    throw new GeocoderUnavailableError(describeFailure(err, timeoutMs));
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new GeocoderUnavailableError('BAN geocoder: response is not valid JSON');
  }
}

// Only an error's name and code are kept: undici messages and causes may quote the request URL.
function describeFailure(err: unknown, timeoutMs: number): string {
  const name = err instanceof Error ? err.name : typeof err;
  if (name === 'TimeoutError' || name === 'AbortError') return `BAN geocoder timed out after ${timeoutMs} ms`;
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return `BAN geocoder request failed: ${name}${code}`;
}

export type GeocoderConfig = { kind: 'none' } | { kind: 'ban'; url: string; timeoutMs?: number };

/** The configured geocoder, or null when geocoding is turned off. */
export function createGeocoder(config: GeocoderConfig): Geocoder | null {
  switch (config.kind) {
    case 'none':
      return null;
    case 'ban':
      return createBanGeocoder({ url: config.url, timeoutMs: config.timeoutMs });
  }
}
