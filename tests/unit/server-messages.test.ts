// The back office's translation of the API's (English) messages: every known message comes out
// in French and in English with its values filled in; any other one comes back as sent.
import { describe, expect, it } from 'vitest';
import { en } from '../../admin/src/i18n/en.ts';
import { fr } from '../../admin/src/i18n/fr.ts';
import { localizeServerMessage, matchServerMessage, rules } from '../../admin/src/i18n/serverMessages.ts';

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

const samples: [string, string[]][] = [
  ['phone must be in E.164 form, e.g. +33612345678', ['E.164', '+33612345678']],
  ['postal code must be five digits', []],
  ['not a department code (e.g. 80, 2A, 974)', ['2A']],
  ['not a region code (e.g. 32)', ['32']],
  ['latitude must be between -90 and 90', ['-90']],
  ['longitude must be between -180 and 180', ['-180']],
  ['SIRET must be 14 digits', ['14']],
  ['FINESS must be 9 characters', ['9']],
  ['email must have at most 254 characters', ['254']],
  ['email is not a valid address', []],
  ['contact.email is not a valid address', []],
  ['password must have at least 12 characters', ['12']],
  ['password must have at most 256 characters', ['256']],
  ['justification is required', []],
  ['message is required', []],
  ['comment must have at most 2000 characters', ['2000']],
  ['idempotencyKey must have at least 8 characters', ['8']],
  ['role: MODERATOR or ADMIN (professionals register and are vetted)', []],
  ['the French text is required', []],
  ['the English text is required', []],
  ['bands: give each of LOW, MEDIUM, HIGH once', ['LOW, MEDIUM, HIGH']],
  ['bands: each band once', []],
  ['items.id: lower-case letters, digits and dashes', []],
  ['items: id "dire-non" is used twice', ['dire-non']],
  ['items: no item in band HIGH', ['HIGH']],
  ['changes: nothing to change', []],
  ['Log in first.', []],
  ['Not allowed for this account.', []],
  ['Email or password incorrect.', []],
  ['This account was revoked.', []],
  ['token: this link or code is unknown, already used or expired.', []],
  ['setupCode: wrong code, or this install already has an admin.', []],
  ['Too many requests: retry in 42 s.', ['42']],
  ['No such API key.', []],
  ['This submission was already approved.', []],
  [
    'The listing changed since this correction was written (phone, address.street): review the diff, then approve with overrideConflicts.',
    ['phone, address.street'],
  ],
  ['This referral is already acknowledged.', []],
  [
    'expectedVersion: version 4 was published since version 3; reload the scale and apply your changes to it.',
    ['4', '3'],
  ],
  ['Only a PENDING request can be rejected (this one is VETTED).', []],
  ['email: an account already exists for this address.', []],
  ['userId: you cannot revoke your own account.', []],
  ['structureIds: not a structure id.', []],
  ['address.postalCode: 99999 is not a French postal code.', ['99999']],
  [
    'address.postalCode: 13001 is in department 13 (Bouches-du-Rhône), not 80.',
    ['13001', '13 (Bouches-du-Rhône)', '80'],
  ],
  ['address.inseeCode: commune 80021 does not have the postal code 75001.', ['80021', '75001']],
  [
    'location: 49.8812, 2.2718 is 688.2 km outside department 13 (at sea, or in another department?): check the coordinates.',
    ['49.8812', '2.2718', '688.2', '13'],
  ],
  ['location: give coordinates, or a street for the geocoder.', []],
  ['location: give coordinates (no geocoder is configured).', []],
  ['location: the address was not found; give coordinates.', []],
  ['openingHours: Invalid opening_hours value "Mo-Xx": unknown day', ['Mo-Xx', 'unknown day']],
  ['departmentCode: unknown department "99" (see the departments query).', ['99']],
  ['changes.internalNotes: not a field you can change on this listing.', ['internalNotes']],
  ['idempotencyKey: already used for a different request.', []],
  ['statuses: only moderators list listings that are not online.', []],
  ['search: between 2 and 100 characters (a postal code or a commune name).', ['100']],
  ['search: a postal code or at least two letters of a commune name.', []],
  ['toStructureId: not a Repère id (ids are opaque strings returned by this API).', ['toStructureId']],
  ['Referrals are for vetted professionals of listed structures.', []],
  ['Only the receiving structure acknowledges or closes a referral.', []],
  ['Only a member of a listed structure sends referrals.', []],
  ['fromStructureId: give one of your structures.', []],
  ['toStructureId: that is your own structure.', []],
];

describe('server messages in the back office', () => {
  it('has a sample for every rule', () => {
    const covered = new Set(samples.map(([message]) => matchServerMessage(message)?.rule));
    expect(rules.filter((rule) => !covered.has(rule)).map((r) => r.key)).toEqual([]);
  });

  for (const [lang, messages] of [
    ['fr', fr],
    ['en', en],
  ] as const) {
    it(`translates every known message in ${lang}, values filled in`, () => {
      const t = translator(messages);
      for (const [message, values] of samples) {
        const shown = localizeServerMessage(message, t);
        expect(shown, message).not.toMatch(/%\{|repere\./);
        for (const value of values) expect(shown, message).toContain(value);
        if (lang === 'fr') expect(shown, message).not.toBe(message);
      }
    });
  }

  it('keeps the English meaning and fills the terms', () => {
    const t = translator(en);
    expect(localizeServerMessage('No such API key.', t)).toBe('No such API key.');
    expect(localizeServerMessage('This submission was already rejected.', t)).toBe(
      'This submission was already rejected.',
    );
    expect(localizeServerMessage('userId: you cannot revoke your own account.', translator(fr))).toBe(
      'Vous ne pouvez pas révoquer votre propre compte.',
    );
    expect(localizeServerMessage('This submission was already approved.', translator(fr))).toBe(
      'Cette contribution a déjà été approuvée.',
    );
  });

  it('translates each part of a joined message, its path kept', () => {
    const shown = localizeServerMessage(
      'input.phone: phone must be in E.164 form, e.g. +33612345678; input.name: Too small',
      translator(fr),
    );
    expect(shown).toBe(
      'input.phone : Le téléphone doit être au format international E.164, par ex. +33612345678; input.name: Too small',
    );
  });

  it('returns an unknown message unchanged', () => {
    for (const message of ['Something new went wrong.', 'HTTP 502', '', 'x: y; z']) {
      expect(localizeServerMessage(message, translator(fr))).toBe(message);
      expect(localizeServerMessage(message, translator(en))).toBe(message);
    }
  });
});
