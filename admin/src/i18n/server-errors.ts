// The API's errors in the interface's language, by their key and params (shared/src/errors.ts);
// an error without a key this build knows (or with other params) is shown as the API sent it.
// The create and edit forms word zod's issues the same way, through the same keys.
import { type ErrorKey, isErrorKey, paramsMatch } from '@repere/shared/errors';
import { issueDetail } from '@repere/shared/issues';
import type { z } from 'zod';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What a GraphQL error of the API holds; `issues` (invalid input) has one key per issue. */
export interface ServerError {
  message: string;
  extensions?: { key?: unknown; params?: unknown; issues?: unknown };
}

interface Issue {
  message: string;
  key?: unknown;
  params?: unknown;
}

/** Keys about a value at a field: shown after the field's name ("Nom : 120 caractères au plus"). */
const located = new Set<ErrorKey>([
  'required',
  'atMost',
  'atLeast',
  'tooMany',
  'tooFew',
  'tooLarge',
  'tooSmall',
  'positive',
  'email',
  'invalidFormat',
  'invalidValue',
  'invalidType',
  'invalidInput',
  'controlCharacters',
  'forbiddenCharacter',
  'openingHours',
  'openingHoursEmpty',
]);

/** Params whose values are words of ours, translated under these prefixes. */
const terms: Partial<Record<ErrorKey, Record<string, string>>> = {
  notFound: { thing: 'repere.server.thing.' },
  alreadyDecided: { status: 'repere.server.decided.' },
  referralAlready: { status: 'repere.server.referralStatus.' },
  notPending: { status: 'repere.professionalStatus.' },
};

/** A field's name: its label when known (by the path's last part), else the path as sent. */
function fieldName(path: string, translate: Translate): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .at(-1) ?? path;
  return translate(`repere.server.field.${last}`, { _: path });
}

function detailText(key: ErrorKey, params: Record<string, unknown>, translate: Translate, at: boolean): string {
  const options: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    options[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  if (typeof params.field === 'string' && params.field) options.field = fieldName(params.field, translate);
  for (const [name, prefix] of Object.entries(terms[key] ?? {})) {
    const value = String(params[name]);
    options[name] = translate(`${prefix}${value}`, { _: value });
  }
  const text = translate(`repere.server.messages.${key}`, options);
  if (!at || !located.has(key) || !options.field) return text;
  return translate('repere.server.at', { path: options.field, message: text });
}

/** One error (or issue) by its key; null when its key or params are not this build's. */
function byKey(key: unknown, params: unknown, translate: Translate): string | null {
  if (!isErrorKey(key) || !paramsMatch(key, params)) return null;
  return detailText(key, params as Record<string, unknown>, translate, true);
}

/** An error of the API in the interface's language; each of its issues when it lists several. */
export function localizeServerError(error: ServerError, translate: Translate): string {
  const ext = error.extensions ?? {};
  if (Array.isArray(ext.issues) && ext.issues.length) {
    return (ext.issues as Issue[])
      .map((issue) => byKey(issue.key, issue.params, translate) ?? issue.message)
      .join('; ');
  }
  return byKey(ext.key, ext.params, translate) ?? error.message;
}

/** A problem shown beside its field (an import's table): without the field's name; null when unknown. */
export function localizeProblem(key: unknown, params: unknown, translate: Translate): string | null {
  if (!isErrorKey(key) || !paramsMatch(key, params)) return null;
  return detailText(key, params as Record<string, unknown>, translate, false);
}

/** A zod issue of a form, shown on its field (so without the field's name). */
export function localizeIssue(issue: z.core.$ZodIssue, translate: Translate): string {
  const { key, params } = issueDetail(issue);
  return detailText(key, params, translate, false);
}
