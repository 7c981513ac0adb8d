// The catalogue of error keys (shared/src/errors.ts) and the back office's wording of it: every
// key has a French and an English text using only its own params, an error is worded by its key
// with its values filled in, and an error this build does not know is shown as the API sent it.
import { scaleContent } from '@repere/shared/assessment';
import { structurePatch } from '@repere/shared/curation';
import { type ErrorKey, errorCatalogue, errorKeys, paramsMatch } from '@repere/shared/errors';
import { describe, expect, it } from 'vitest';
import { en } from '../../admin/src/i18n/en.ts';
import { errorsEn } from '../../admin/src/i18n/errors-en.ts';
import { errorsFr } from '../../admin/src/i18n/errors-fr.ts';
import { fr } from '../../admin/src/i18n/fr.ts';
import { localizeIssue, localizeServerError } from '../../admin/src/i18n/server-errors.ts';

/** polyglot's lookup and interpolation, failing on a missing key unless a default is given. */
function translator(messages: object) {
  return (key: string, options: Record<string, unknown> = {}) => {
    const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
    const phrase = typeof found === 'string' ? found : (options._ as string | undefined);
    if (phrase === undefined) throw new Error(`missing key ${key}`);
    return phrase.replace(/%\{(\w+)\}/g, (_, name: string) => {
      if (options[name] === undefined) throw new Error(`${key}: no value for ${name}`);
      return String(options[name]);
    });
  };
}

const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Sample params of a key, from the catalogue's types. */
function sampleParams(key: ErrorKey): Record<string, unknown> {
  const spec: Record<string, string> = errorCatalogue[key];
  return Object.fromEntries(
    Object.entries(spec).map(([name, type]) => [
      name,
      type === 'number' ? 42 : type === 'string[]' ? ['alpha', 'beta'] : name === 'field' ? 'input.name' : `v-${name}`,
    ]),
  );
}

describe('the catalogue of error keys', () => {
  it('has a French and an English text for every key, each using only its params', () => {
    expect(errorKeys.length).toBeGreaterThan(50);
    for (const key of errorKeys) {
      const params = Object.keys(errorCatalogue[key]);
      for (const text of [errorsFr[key], errorsEn[key]]) {
        expect(text?.trim(), key).toBeTruthy();
        for (const name of placeholders(text)) expect(params, `${key}: %{${name}}`).toContain(name);
      }
      expect(placeholders(errorsFr[key]), key).toEqual(placeholders(errorsEn[key]));
    }
    expect(Object.keys(errorsFr).sort()).toEqual([...errorKeys].sort());
    expect(Object.keys(errorsEn).sort()).toEqual([...errorKeys].sort());
  });

  for (const [lang, messages] of [
    ['fr', fr],
    ['en', en],
  ] as const) {
    it(`words every key in ${lang}, its values filled in`, () => {
      const t = translator(messages);
      for (const key of errorKeys) {
        const params = sampleParams(key);
        expect(paramsMatch(key, params), key).toBe(true);
        const shown = localizeServerError({ message: 'SENT', extensions: { key, params } }, t);
        expect(shown, key).not.toMatch(/%\{|repere\.|SENT/);
      }
    });
  }

  it('translates terms and field names, and puts a value check after its field', () => {
    const t = translator(fr);
    const error = (key: string, params: object) => ({ message: 'sent', extensions: { key, params } });
    expect(localizeServerError(error('notFound', { thing: 'apiKey' }), t)).toBe('Clé d’API introuvable.');
    expect(localizeServerError(error('alreadyDecided', { status: 'approved' }), t)).toBe(
      'Cette contribution a déjà été approuvée.',
    );
    expect(localizeServerError(error('atMost', { field: 'input.name', max: 120 }), t)).toBe(
      'Nom : 120 caractères au plus',
    );
    expect(localizeServerError(error('rateLimited', { seconds: 12 }), translator(en))).toBe(
      'Too many requests: retry in 12 s.',
    );
  });

  it('words each issue of an invalid input', () => {
    const shown = localizeServerError(
      {
        message: 'input.phone: …; input.name: …',
        extensions: {
          key: 'phoneE164',
          params: { field: 'input.phone' },
          issues: [
            { message: 'input.phone: …', key: 'phoneE164', params: { field: 'input.phone' } },
            { message: 'input.name: new', key: 'somethingNew', params: {} },
          ],
        },
      },
      translator(fr),
    );
    expect(shown).toBe('Le téléphone doit être au format international E.164, par ex. +33612345678; input.name: new');
  });

  it('shows the message as sent for an unknown key, or params that do not match', () => {
    const t = translator(fr);
    for (const extensions of [
      undefined,
      {},
      { key: 'somethingNew', params: {} },
      { key: 'atMost', params: { field: 'name' } },
      { key: 'atMost', params: { field: 'name', max: '3' } },
      { key: 'logIn' },
      { key: 'toString', params: {} },
    ]) {
      expect(localizeServerError({ message: 'As sent.', extensions }, t)).toBe('As sent.');
    }
  });

  it('words the forms’ zod issues by the same keys, in both languages', () => {
    const issues = structurePatch.safeParse({ phone: '0322', name: 'x'.repeat(201) }).error?.issues ?? [];
    expect(issues.map((i) => localizeIssue(i, translator(fr))).sort()).toEqual([
      '200 caractères au plus',
      'Le téléphone doit être au format international E.164, par ex. +33612345678',
    ]);
    const scale = scaleContent.safeParse({ bands: [], items: [] }).error?.issues ?? [];
    const shown = scale.map((i) => localizeIssue(i, translator(en)));
    expect(shown).toContain('Bands: give each of GREEN, ORANGE, RED, BLACK once');
    expect(shown).toContain('Items: no item in band RED');
  });
});
