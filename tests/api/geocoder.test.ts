// The BAN geocoder against a local server speaking the BAN format: matches, rejections, outages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBanGeocoder,
  createGeocoder,
  type GeocodeQuery,
  GeocoderUnavailableError,
} from '../../api/src/modules/places/geocoder.ts';
import { type BanServer, startBanServer } from '../support/ban-server.ts';

let ban: BanServer;
beforeAll(async () => {
  ban = await startBanServer([
    {
      q: /8 boulevard du port/i,
      postcode: '80000',
      result: {
        lat: 49.897443,
        lon: 2.290084,
        label: '8 Boulevard du Port 80000 Amiens',
        score: 0.97,
        inseeCode: '80021',
        city: 'Amiens',
      },
    },
    {
      q: /rue des lilas/i,
      postcode: '80000',
      result: {
        lat: 49.9,
        lon: 2.3,
        label: 'Rue des Lilas 80000 Amiens',
        score: 0.81,
        inseeCode: '80021',
        city: 'Amiens',
        type: 'street',
      },
    },
    {
      q: /chemin vague/i,
      postcode: '80000',
      result: {
        lat: 49.8,
        lon: 2.2,
        label: 'Chemin Vague 80000 Amiens',
        score: 0.31,
        inseeCode: '80021',
        city: 'Amiens',
      },
    },
    {
      // Played as a server that ignored the postcode filter: the answer is in another postcode.
      q: /place du marche/i,
      postcode: '80000',
      result: {
        lat: 50.1,
        lon: 1.8,
        label: '1 Place du Marché 80100 Abbeville',
        score: 0.9,
        inseeCode: '80001',
        city: 'Abbeville',
        postcode: '80100',
      },
    },
    {
      q: /rue de rivoli/i,
      postcode: '75004',
      result: {
        lat: 48.8557,
        lon: 2.3585,
        label: '12 Rue de Rivoli 75004 Paris',
        score: 0.95,
        inseeCode: '75104',
        city: 'Paris',
      },
    },
  ]);
});
afterAll(async () => {
  await ban?.close();
});

const port: GeocodeQuery = { street: '8 boulevard du Port', postalCode: '80000', city: 'Amiens' };

/** The query of the last request the server received. */
const lastParams = () => new URL(ban.requests.at(-1)!, 'http://x').searchParams;

async function unavailable(promise: Promise<unknown>): Promise<GeocoderUnavailableError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GeocoderUnavailableError);
  return err as GeocoderUnavailableError;
}

/** Nothing of the queried address may appear in an error that could be logged. */
function expectNoAddress(err: Error, query: GeocodeQuery) {
  const text = `${err.message} ${String(err.stack)} ${JSON.stringify(err)}`.toLowerCase();
  for (const part of [query.street, query.city ?? '', 'boulevard', 'amiens']) {
    if (part) expect(text).not.toContain(part.toLowerCase());
  }
  expect(err.cause).toBeUndefined();
}

describe('BAN geocoder', () => {
  it('parses a match: coordinates, label, codes, city, precision', async () => {
    const geocoder = createBanGeocoder({ url: ban.url });
    expect(await geocoder.geocode(port)).toEqual({
      lat: 49.897443,
      lon: 2.290084,
      score: 0.97,
      label: '8 Boulevard du Port 80000 Amiens',
      postalCode: '80000',
      inseeCode: '80021',
      city: 'Amiens',
      precision: 'housenumber',
    });
    const street = await geocoder.geocode({ street: 'rue des Lilas', postalCode: '80000', city: 'Amiens' });
    expect(street?.precision).toBe('street');
  });

  it('sends street and city as q, the postcode as a filter and limit=1 to /search/', async () => {
    await createBanGeocoder({ url: `${ban.url}/` }).geocode(port);
    expect(new URL(ban.requests.at(-1)!, 'http://x').pathname).toBe('/search/');
    const params = lastParams();
    expect(params.get('q')).toBe('8 boulevard du Port Amiens');
    expect(params.get('postcode')).toBe('80000');
    expect(params.get('limit')).toBe('1');
    expect(params.has('citycode')).toBe(false);
  });

  it('filters on the INSEE code, except for a municipality BAN files by arrondissement', async () => {
    const geocoder = createBanGeocoder({ url: ban.url });
    expect(await geocoder.geocode({ ...port, inseeCode: '80021' })).not.toBeNull();
    expect(lastParams().get('citycode')).toBe('80021');

    const rivoli = await geocoder.geocode({ street: '12 rue de Rivoli', postalCode: '75004', inseeCode: '75056' });
    expect(lastParams().has('citycode')).toBe(false);
    expect(rivoli?.inseeCode).toBe('75104');
  });

  it('answers null when nothing matches', async () => {
    const geocoder = createBanGeocoder({ url: ban.url });
    expect(await geocoder.geocode({ street: '3 impasse Inconnue', postalCode: '80000', city: 'Amiens' })).toBeNull();
    // Known street, but not in the requested postcode.
    expect(await geocoder.geocode({ ...port, postalCode: '80090' })).toBeNull();
  });

  it('answers null below the minimum score (0.5 unless configured)', async () => {
    const vague: GeocodeQuery = { street: 'chemin vague', postalCode: '80000', city: 'Amiens' };
    expect(await createBanGeocoder({ url: ban.url }).geocode(vague)).toBeNull();
    expect(await createBanGeocoder({ url: ban.url, minScore: 0.3 }).geocode(vague)).not.toBeNull();
    expect(await createBanGeocoder({ url: ban.url, minScore: 0.98 }).geocode(port)).toBeNull();
  });

  it('answers null when the match is in another postcode than asked', async () => {
    const geocoder = createBanGeocoder({ url: ban.url });
    expect(await geocoder.geocode({ street: '1 place du marche', postalCode: '80000' })).toBeNull();
    expect(lastParams().get('postcode')).toBe('80000');
  });

  it('does not query for a malformed postal code or a too short street', async () => {
    const geocoder = createBanGeocoder({ url: ban.url });
    const before = ban.requests.length;
    expect(await geocoder.geocode({ ...port, postalCode: '8000' })).toBeNull();
    expect(await geocoder.geocode({ street: ' a', postalCode: '80000' })).toBeNull();
    expect(ban.requests.length).toBe(before);
  });

  it('throws GeocoderUnavailableError on an HTTP error, without the address', async () => {
    ban.failNext(500);
    const err = await unavailable(createBanGeocoder({ url: ban.url }).geocode(port));
    expect(err.message).toMatch(/HTTP 500/);
    expectNoAddress(err, port);
    // The failure was for that request only.
    expect(await createBanGeocoder({ url: ban.url }).geocode(port)).not.toBeNull();
  });

  it('throws GeocoderUnavailableError on a timeout', async () => {
    ban.delayNext(1000);
    const started = Date.now();
    const err = await unavailable(createBanGeocoder({ url: ban.url, timeoutMs: 100 }).geocode(port));
    expect(Date.now() - started).toBeLessThan(900);
    expect(err.message).toMatch(/timed out after 100 ms/);
    expectNoAddress(err, port);
  });

  it('throws GeocoderUnavailableError on malformed JSON or an unexpected shape', async () => {
    const geocoder = createBanGeocoder({ url: ban.url });
    ban.rawNext('{"type":"FeatureCollection","features":[');
    expectNoAddress(await unavailable(geocoder.geocode(port)), port);

    // Valid JSON that echoes the address but misses a field: the message names the field only.
    ban.rawNext(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [2.29, 49.89] },
            properties: { label: '8 Boulevard du Port 80000 Amiens', score: 'high', city: 'Amiens', type: 'x' },
          },
        ],
      }),
    );
    const err = await unavailable(geocoder.geocode(port));
    expect(err.message).toContain('features.0.properties.score');
    expectNoAddress(err, port);
  });

  it('throws GeocoderUnavailableError when the server cannot be reached', async () => {
    const down = await startBanServer([]);
    await down.close();
    const err = await unavailable(createBanGeocoder({ url: down.url }).geocode(port));
    expect(err.message).toMatch(/request failed/);
    expectNoAddress(err, port);
  });
});

describe('createGeocoder', () => {
  it('is null when turned off and a BAN geocoder otherwise', async () => {
    expect(createGeocoder({ kind: 'none' })).toBeNull();
    const geocoder = createGeocoder({ kind: 'ban', url: ban.url, timeoutMs: 2000 });
    expect((await geocoder?.geocode(port))?.inseeCode).toBe('80021');
  });
});
