// The API's messages (and the shared schema's) are English and part of its public contract:
// the back office translates the known ones for display and shows any other one as sent.

type Translate = (key: string, options?: Record<string, unknown>) => string;

interface Rule {
  /** The exact message, or a pattern whose groups are the parameters, in order. */
  match: string | RegExp;
  key: string;
  params?: string[];
  /** Parameters that are identifiers (a field, a status): translated under this prefix. */
  terms?: Record<string, string>;
}

const k = (name: string) => `repere.server.${name}`;
const field = { field: k('field.') };
const lineFields = '(name|organisation|jobTitle|justification|note|reason|comment|message|idempotencyKey)';

export const rules: Rule[] = [
  // The shared schema's custom messages (shared/src/*.ts).
  { match: 'phone must be in E.164 form, e.g. +33612345678', key: k('phoneE164') },
  { match: 'postal code must be five digits', key: k('postalCode') },
  { match: 'not a department code (e.g. 80, 2A, 974)', key: k('departmentCode') },
  { match: 'not a region code (e.g. 32)', key: k('regionCode') },
  { match: 'latitude must be between -90 and 90', key: k('latitude') },
  { match: 'longitude must be between -180 and 180', key: k('longitude') },
  { match: 'SIRET must be 14 digits', key: k('siret') },
  { match: 'FINESS must be 9 characters', key: k('finess') },
  { match: 'email must have at most 254 characters', key: k('emailTooLong') },
  { match: 'email is not a valid address', key: k('email') },
  { match: 'contact.email is not a valid address', key: k('contactEmail') },
  { match: 'password must have at least 12 characters', key: k('passwordShort') },
  { match: 'password must have at most 256 characters', key: k('passwordLong') },
  { match: new RegExp(`^${lineFields} is required$`), key: k('required'), params: ['field'], terms: field },
  {
    match: new RegExp(`^${lineFields} must have at most (\\d+) characters$`),
    key: k('atMost'),
    params: ['field', 'max'],
    terms: field,
  },
  {
    match: /^idempotencyKey must have at least (\d+) characters$/,
    key: k('idempotencyKeyShort'),
    params: ['min'],
  },
  { match: 'role: MODERATOR or ADMIN (professionals register and are vetted)', key: k('role') },
  { match: 'the French text is required', key: k('frenchText') },
  { match: 'the English text is required', key: k('englishText') },
  { match: /^bands: give each of (.+) once$/, key: k('bandsEach'), params: ['bands'] },
  { match: 'bands: each band once', key: k('bandsOnce') },
  { match: 'items.id: lower-case letters, digits and dashes', key: k('itemId') },
  { match: /^items: id "(.*)" is used twice$/, key: k('itemTwice'), params: ['id'] },
  { match: /^items: no item in band (.+)$/, key: k('bandEmpty'), params: ['band'] },
  { match: 'changes: nothing to change', key: k('nothingToChange') },
  // The API's own messages most likely in the back office (api/src).
  { match: 'Log in first.', key: k('logIn') },
  { match: 'Not allowed for this account.', key: k('forbidden') },
  { match: 'Email or password incorrect.', key: k('badLogin') },
  { match: 'This account was revoked.', key: k('accountRevoked') },
  { match: 'token: this link or code is unknown, already used or expired.', key: k('badToken') },
  { match: 'setupCode: wrong code, or this install already has an admin.', key: k('badSetupCode') },
  { match: /^Too many requests: retry in (\d+) s\.$/, key: k('rateLimited'), params: ['seconds'] },
  {
    match: /^No such (structure|submission|professional|moderator or admin|API key|helpline|revision|referral)\.$/,
    key: k('notFound'),
    params: ['thing'],
    terms: { thing: k('thing.') },
  },
  {
    match: /^This submission was already (approved|rejected)\.$/,
    key: k('alreadyDecided'),
    params: ['status'],
    terms: { status: k('decided.') },
  },
  {
    match:
      /^The listing changed since this correction was written \((.+)\): review the diff, then approve with overrideConflicts\.$/,
    key: k('correctionConflict'),
    params: ['fields'],
  },
  {
    match: /^This referral is already (\w+)\.$/,
    key: k('referralAlready'),
    params: ['status'],
    terms: { status: k('referralStatus.') },
  },
  {
    match:
      /^expectedVersion: version (\d+) was published since version (\d+); reload the scale and apply your changes to it\.$/,
    key: k('scaleConflict'),
    params: ['current', 'expected'],
  },
  {
    match: /^Only a PENDING request can be rejected \(this one is (\w+)\)\.$/,
    key: k('notPending'),
    params: ['status'],
    terms: { status: 'repere.professionalStatus.' },
  },
  { match: 'email: an account already exists for this address.', key: k('emailTaken') },
  { match: 'userId: you cannot revoke your own account.', key: k('selfRevoke') },
  { match: 'structureIds: not a structure id.', key: k('structureIds') },
  {
    match: /^(\w+)\.postalCode: (\d+) is not a French postal code\.$/,
    key: k('unknownPostalCode'),
    params: ['path', 'postalCode'],
  },
  {
    match: /^(\w+)\.postalCode: (\d+) is in department (.+), not (\w+)\.$/,
    key: k('otherDepartment'),
    params: ['path', 'postalCode', 'found', 'department'],
  },
  {
    match: /^(\w+)\.inseeCode: commune (\w+) does not have the postal code (\d+)\.$/,
    key: k('inseeCode'),
    params: ['path', 'inseeCode', 'postalCode'],
  },
  {
    match:
      /^location: (-?[\d.]+), (-?[\d.]+) is ([\d.]+) km outside department (\w+) \(at sea, or in another department\?\): check the coordinates\.$/,
    key: k('outside'),
    params: ['lat', 'lon', 'km', 'department'],
  },
  { match: 'location: give coordinates, or a street for the geocoder.', key: k('giveLocation') },
  { match: 'location: give coordinates (no geocoder is configured).', key: k('giveCoordinates') },
  { match: 'location: the address was not found; give coordinates.', key: k('addressNotFound') },
  {
    match: /^(openingHours|hours): Invalid opening_hours value "(.*)": (.*)$/s,
    key: k('openingHours'),
    params: ['path', 'value', 'detail'],
  },
  {
    match: /^departmentCode: unknown department "(.*)" \(see the departments query\)\.$/,
    key: k('unknownDepartment'),
    params: ['code'],
  },
  {
    match: /^changes\.([\w.]+): not a field you can change on this listing\.$/,
    key: k('notChangeable'),
    params: ['field'],
  },
  { match: 'idempotencyKey: already used for a different request.', key: k('idempotencyReused') },
  { match: 'statuses: only moderators list listings that are not online.', key: k('statuses') },
  {
    match: 'search: between 2 and 100 characters (a postal code or a commune name).',
    key: k('searchLength'),
  },
  { match: 'search: a postal code or at least two letters of a commune name.', key: k('searchShort') },
  {
    match: /^(\w+): not a Repère id \(ids are opaque strings returned by this API\)\.$/,
    key: k('notAnId'),
    params: ['field'],
  },
  { match: 'Referrals are for vetted professionals of listed structures.', key: k('referralsForPros') },
  { match: 'Only the receiving structure acknowledges or closes a referral.', key: k('referralReceiver') },
  { match: 'Only a member of a listed structure sends referrals.', key: k('referralSender') },
  { match: 'fromStructureId: give one of your structures.', key: k('fromStructure') },
  { match: 'toStructureId: that is your own structure.', key: k('ownStructure') },
];

/** The rule a message matches, with its parameters (raw, as sent). */
export function matchServerMessage(message: string): { rule: Rule; params: Record<string, string> } | null {
  for (const rule of rules) {
    if (typeof rule.match === 'string') {
      if (rule.match === message) return { rule, params: {} };
      continue;
    }
    const found = rule.match.exec(message);
    if (!found) continue;
    const params = Object.fromEntries((rule.params ?? []).map((name, i) => [name, found[i + 1] ?? '']));
    return { rule, params };
  }
  return null;
}

function one(message: string, translate: Translate): string | null {
  const matched = matchServerMessage(message);
  if (!matched) return null;
  const { rule, params } = matched;
  const options: Record<string, string> = { ...params };
  for (const [name, prefix] of Object.entries(rule.terms ?? {})) {
    const value = params[name] ?? '';
    options[name] = translate(`${prefix}${value.replace(/ /g, '_')}`, { _: value });
  }
  return translate(rule.key, options);
}

/**
 * A message of the API or of the shared schema in the interface's language. The API joins
 * several issues with "; " and prefixes each with its path ("input.phone: …"): each part is
 * translated on its own, its path kept. Whatever is not known is returned as sent.
 */
export function localizeServerMessage(message: string, translate: Translate): string {
  const whole = one(message, translate);
  if (whole !== null) return whole;
  return message
    .split('; ')
    .map((part) => {
      const direct = one(part, translate);
      if (direct !== null) return direct;
      const prefixed = /^([\w.]+): (.+)$/s.exec(part);
      const inner = prefixed ? one(prefixed[2]!, translate) : null;
      return inner !== null ? translate(k('at'), { path: prefixed![1], message: inner }) : part;
    })
    .join('; ');
}
