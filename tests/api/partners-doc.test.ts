// docs/partners.md's curl commands, run as written by a real curl against the test server:
// each ```sh block starting with `curl` is followed by an ```http block (status line, headers
// that must be there, optionally a JSON body the answer must contain), checked here. $REPERE
// and $API_KEY are the test server and a real key; the blocks run in order in one folder, so a
// file one command saves (an ETag) is there for the next.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../api/src/modules/api-keys/create.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';
import { run } from '../support/processes.ts';

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/partners.md', root), 'utf8');

interface Example {
  line: number;
  command: string;
  status: number;
  headers: [string, string][];
  body: unknown;
}

/** Each ```sh block that starts with curl, with the ```http block right after it. */
function examples(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```\n/gm)].map((m) => ({
    lang: m[1],
    text: m[2]!,
    line: markdown.slice(0, m.index).split('\n').length,
    end: (m.index ?? 0) + m[0].length,
    start: m.index ?? 0,
  }));
  const found: Example[] = [];
  blocks.forEach((block, i) => {
    if (block.lang !== 'sh' || !block.text.startsWith('curl ')) return;
    const next = blocks[i + 1];
    if (next?.lang !== 'http' || markdown.slice(block.end, next.start).trim() !== '') {
      throw new Error(`docs/partners.md:${block.line}: a curl example needs an \`\`\`http block right after it`);
    }
    const [head, ...rest] = next.text.split(/\n\s*\n/);
    const [statusLine, ...headerLines] = head!.trim().split('\n');
    const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine!)?.[1]);
    if (!status) throw new Error(`docs/partners.md:${next.line}: no status line`);
    const headers = headerLines.map((l): [string, string] => {
      const colon = l.indexOf(':');
      return [l.slice(0, colon).trim().toLowerCase(), l.slice(colon + 1).trim()];
    });
    const bodyText = rest.join('\n\n').trim();
    found.push({
      line: block.line,
      command: block.text,
      status,
      headers,
      body: bodyText ? JSON.parse(bodyText) : null,
    });
  });
  return found;
}

/** The last response curl printed with -D -: status, headers, body. */
function parseResponse(stdout: string) {
  const starts = [...stdout.matchAll(/^HTTP\/[\d.]+ \d{3}/gm)];
  const last = stdout.slice(starts.at(-1)?.index ?? 0);
  const split = last.indexOf('\r\n\r\n');
  const head = split < 0 ? last : last.slice(0, split);
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = new Map<string, string>();
  for (const l of lines) {
    const colon = l.indexOf(':');
    headers.set(l.slice(0, colon).trim().toLowerCase(), l.slice(colon + 1).trim());
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, body: split < 0 ? '' : last.slice(split + 4) };
}

/** A documented header value: its start, `…` standing for anything. */
const pattern = (value: string) =>
  new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('…', '.*')}`, 'i');

let api: TestApi;
let apiKey: string;
let folder: string;
const hidden = { confidential: 'Refuge Secret Essai', street: '9 impasse Cachée' };

beforeAll(async () => {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('these tests run the documented commands with curl: apt-get install -y curl');
  }
  api = await testApi();
  await resetData(api.db);
  await seed(api.db, [
    fixture({ name: 'Écoute Partenaires Amiens', phone: '+33322000000' }),
    fixture({
      name: 'Accueil Restreint Essai',
      visibility: 'RESTRICTED',
      address: { street: hidden.street, postalCode: '80000', city: 'Amiens' },
      location: { lat: 49.9, lon: 2.31 },
    }),
    fixture({ name: hidden.confidential, visibility: 'CONFIDENTIAL', location: { lat: 49.88, lon: 2.28 } }),
  ]);
  ({ key: apiKey } = await createApiKey({ db: api.db }, 'partners doc', null));
  folder = mkdtempSync(join(tmpdir(), 'repere-partners-'));
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('docs/partners.md', () => {
  const found = examples(doc);

  it('has its sections, the change feeds heading included, and the README links to it', () => {
    for (const heading of [
      'API keys and quotas',
      'What you see',
      'Caching',
      'Paging',
      'Change feeds',
      'Exports',
      'Errors',
    ]) {
      expect(doc).toMatch(new RegExp(`^## ${heading}$`, 'm'));
    }
    expect(readFileSync(new URL('README.md', root), 'utf8')).toContain('](docs/partners.md)');
    expect(found.length).toBeGreaterThanOrEqual(10);
  });

  it('runs every curl example with the status, headers and body it documents', async () => {
    const outputs: string[] = [];
    for (const example of found) {
      const where = `docs/partners.md:${example.line}`;
      // -D -: curl prints the response's headers before its body (or alone, with -o).
      const script = `set -euo pipefail\ncurl() { command curl -D - "$@"; }\n${example.command}`;
      const done = await run('bash', ['-c', script], {
        cwd: folder,
        env: { PATH: process.env.PATH, HOME: folder, REPERE: api.url, API_KEY: apiKey },
      });
      expect(done.status, `${where}: ${done.stderr}`).toBe(0);
      outputs.push(done.stdout);
      const res = parseResponse(done.stdout);
      expect(res.status, where).toBe(example.status);
      for (const [name, value] of example.headers) {
        expect(res.headers.get(name) ?? '(absent)', `${where}: ${name}`).toMatch(pattern(value));
      }
      const type = res.headers.get('content-type') ?? '';
      if (/json/.test(type) && res.body) {
        const body = JSON.parse(res.body);
        if (example.body) expect(body, where).toMatchObject(example.body as object);
        else if (!Array.isArray(body) && body.type !== 'FeatureCollection') {
          expect(body.errors, where).toBeUndefined();
          expect(body.data, where).toBeTruthy();
        }
      } else {
        expect(example.body, `${where}: a JSON body is documented`).toBeNull();
      }
    }
    // The files the commands saved are what they say, and nothing hidden is in any answer.
    const geojson = JSON.parse(readFileSync(join(folder, 'structures.geojson'), 'utf8'));
    expect(geojson.features.map((f: any) => f.properties.name).sort()).toEqual([
      'Accueil Restreint Essai',
      'Écoute Partenaires Amiens',
    ]);
    const csv = readFileSync(join(folder, 'repere-structures.csv'), 'utf8');
    expect(csv.split('\r\n')[0] ?? csv.split('\n')[0]).toMatch(/^\uFEFFid;name;kind;/);
    for (const text of [...outputs, csv, JSON.stringify(geojson)]) {
      expect(text).not.toContain(hidden.confidential);
      expect(text).not.toContain(hidden.street);
    }
    expect(outputs.join('\n')).toContain('Écoute Partenaires Amiens');
  });
});
