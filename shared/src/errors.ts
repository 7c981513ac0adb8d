// The catalogue of error keys. Every error the API returns carries, in `extensions`, a stable
// `code` (its class: BAD_USER_INPUT, NOT_FOUND…), a `key` from this catalogue (which message
// it is) and `params` (that message's values), so that a client can word it in any language;
// `message` stays the API's English sentence. Params hold only what the caller sent or may
// see: they are the values the English message already shows, never more.
//
// Each key lists its parameters and their types; the back office's French and English texts
// are typed `Record<ErrorKey, string>`, so a key without both fails `pnpm typecheck`.

type ParamType = 'string' | 'number' | 'string[]';

/** `field`: where, as a path in the request as sent (`input.phone`, `changes.address.postalCode`). */
const field = { field: 'string' } as const;

export const errorCatalogue = {
  // Checks of input values (the shared zod schemas, and the API's own arguments).
  required: field,
  atMost: { ...field, max: 'number' },
  atLeast: { ...field, min: 'number' },
  tooMany: { ...field, max: 'number' },
  tooFew: { ...field, min: 'number' },
  tooLarge: { ...field, max: 'number' },
  tooSmall: { ...field, min: 'number' },
  positive: field,
  email: field,
  invalidFormat: { ...field, format: 'string' },
  invalidValue: { ...field, options: 'string[]' },
  invalidType: { ...field, expected: 'string' },
  invalidInput: field,
  phoneE164: field,
  postalCode: field,
  departmentCode: field,
  regionCode: field,
  latitude: field,
  longitude: field,
  siret: field,
  finess: field,
  website: field,
  role: field,
  controlCharacters: field,
  frenchText: field,
  englishText: field,
  bandsEach: { ...field, bands: 'string[]' },
  bandsOnce: field,
  itemId: field,
  itemTwice: { ...field, id: 'string' },
  bandEmpty: { ...field, band: 'string' },
  nothingToChange: field,
  forbiddenCharacter: { ...field, character: 'string' },
  notAnId: field,
  badCursor: field,
  cursorOtherQuery: field,
  radiusNeedsNear: field,
  searchLength: field,
  searchShort: field,
  notScaleItems: { ...field, version: 'number' },
  // Places and listings.
  unknownPostalCode: { ...field, postalCode: 'string' },
  otherDepartment: { ...field, postalCode: 'string', found: 'string', department: 'string' },
  inseeCode: { ...field, inseeCode: 'string', postalCode: 'string' },
  outside: { ...field, lat: 'number', lon: 'number', km: 'number', department: 'string' },
  giveLocation: field,
  giveCoordinates: field,
  addressNotFound: field,
  openingHours: { ...field, value: 'string', detail: 'string' },
  openingHoursEmpty: field,
  unknownDepartment: { ...field, code: 'string' },
  unknownRegion: { ...field, code: 'string' },
  unknownPlace: { ...field, index: 'number' },
  notChangeable: field,
  idempotencyReused: field,
  statuses: field,
  // Moderation, accounts, referrals, the scale.
  alreadyDecided: { status: 'string' },
  correctionConflict: { fields: 'string[]' },
  scaleConflict: { ...field, current: 'number', expected: 'number' },
  scaleRace: { ...field, current: 'number' },
  noScale: {},
  notPending: { status: 'string' },
  emailTaken: field,
  selfRevoke: field,
  structureIds: field,
  badToken: field,
  badSetupCode: field,
  referralAlready: { status: 'string' },
  referralsForPros: {},
  referralReceiver: {},
  referralSender: {},
  fromStructure: field,
  ownStructure: field,
  // Who may ask.
  logIn: {},
  forbidden: {},
  badLogin: {},
  accountRevoked: {},
  sessionExpired: {},
  unknownApiKey: {},
  crossSite: {},
  rateLimited: { seconds: 'number' },
  /** `thing`: structure, submission, professional, staff, apiKey, helpline, revision, referral. */
  notFound: { thing: 'string' },
  // The request itself (GraphQL over HTTP).
  syntaxError: {},
  tooManyTokens: { max: 'number' },
  tooDeep: { max: 'number' },
  tooBroad: { max: 'number' },
  fieldRepeated: { field: 'string', count: 'number', max: 'number' },
  tooManyAliases: { max: 'number' },
  tooManyDirectives: { max: 'number' },
  tooCostly: { cost: 'number', max: 'number' },
  invalidQuery: {},
  invalidVariables: {},
  unknownOperation: {},
  persistedQueryNotFound: {},
  persistedQueryNotSupported: {},
  badRequest: {},
  needsJson: {},
  invalidJson: {},
  bodyTooLarge: { maxMb: 'number' },
  methodNotAllowed: { allowed: 'string[]' },
  noSuchPath: {},
  backOfficeNotBuilt: {},
  explorerNotBuilt: {},
  badUpdatedSince: {},
  updatedSinceTwice: {},
  importNotJson: field,
  importNotArray: field,
  // Records of an import (data·inclusion): `field` is the record's own field.
  importDuplicateId: { ...field, index: 'number' },
  importInvalidService: { ...field, index: 'number' },
  importUnknownStructure: field,
  importPhone: field,
  importLatLon: field,
  importNewNeeds: field,
  importNoThematique: field,
  /** The CLI could not read a file it was given (missing, a folder, no permission). */
  importUnreadable: field,
  malformedPath: {},
  serviceUnavailable: { seconds: 'number' },
  internal: {},
} as const satisfies Record<string, Record<string, ParamType>>;

export type ErrorKey = keyof typeof errorCatalogue;

type Value<T> = T extends 'number' ? number : T extends 'string[]' ? string[] : string;

export type ErrorParams<K extends ErrorKey> = {
  -readonly [P in keyof (typeof errorCatalogue)[K]]: Value<(typeof errorCatalogue)[K][P]>;
};

/** A key and its parameters, checked together. */
export type ErrorDetail = { [K in ErrorKey]: { key: K; params: ErrorParams<K> } }[ErrorKey];

export const errorKeys = Object.keys(errorCatalogue) as ErrorKey[];

export function isErrorKey(key: unknown): key is ErrorKey {
  return typeof key === 'string' && Object.hasOwn(errorCatalogue, key);
}

/** Whether `params` has exactly the catalogue's parameters for `key`, with their types. */
export function paramsMatch(key: ErrorKey, params: unknown): boolean {
  if (!params || typeof params !== 'object' || Array.isArray(params)) return false;
  const spec: Record<string, ParamType> = errorCatalogue[key];
  const given = params as Record<string, unknown>;
  if (Object.keys(given).length !== Object.keys(spec).length) return false;
  return Object.entries(spec).every(([name, type]) => {
    const value = given[name];
    if (type === 'string[]') return Array.isArray(value) && value.every((v) => typeof v === 'string');
    return typeof value === type;
  });
}

/** The things a NOT_FOUND error names, in English: the API's message and the back office's English. */
export const thingNamesEn = {
  structure: 'structure',
  submission: 'submission',
  professional: 'professional',
  staff: 'moderator or admin',
  apiKey: 'API key',
  helpline: 'helpline',
  revision: 'revision',
  referral: 'referral',
} as const;
