// zod's issues as catalogue keys (errors.ts): the API's validation errors carry them, and the
// back office's forms word the same issues the same way. A schema's own English message is
// declared with `keyed`, which records its key; other issues take a key from their zod code.
import type { z } from 'zod';
import { scaleBands } from './enums.ts';
import type { ErrorDetail, ErrorKey } from './errors.ts';

const keys = new Map<string, ErrorKey>();

/** An English message of a schema, recorded under its key (params: the issue's path alone). */
export function keyed(key: ErrorKey, message: string): string {
  keys.set(message, key);
  return message;
}

/**
 * A custom issue's key and parameters (beyond `field`), for `ctx.addIssue` and `.refine`:
 * `{ code: 'custom', message, params: issueParams('itemTwice', { id }) }`.
 */
export function issueParams(key: ErrorKey, params: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...params, key };
}

type PathSegment = PropertyKey | { key: PropertyKey };

/** A path as the caller wrote it: `input.address.postalCode`, `bands.1.band`. */
export function pathOf(path: readonly PathSegment[] | undefined): string {
  return (path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
}

type Issue = z.core.$ZodIssue | (Omit<z.core.$ZodIssue, 'path'> & { path?: readonly PathSegment[] });

/** The key and parameters of one zod issue. Its properties are read, not spread (Pothos wraps issues). */
export function issueDetail(issue: Issue): ErrorDetail {
  const field = pathOf(issue.path);
  const i = issue as Record<string, unknown> & { code?: string; message: string };
  const custom = i.params as Record<string, unknown> | undefined;
  if (i.code === 'custom' && custom?.key) {
    const { key, ...params } = custom;
    return { key, params: { ...params, field } } as ErrorDetail;
  }
  const known = keys.get(i.message);
  if (known === 'bandsEach') return { key: known, params: { field, bands: [...scaleBands] } };
  if (known) return { key: known, params: { field } } as ErrorDetail;
  const origin = i.origin as string | undefined;
  const bound = Number(i.maximum ?? i.minimum);
  switch (i.code) {
    case 'too_big':
      if (origin === 'string') return { key: 'atMost', params: { field, max: bound } };
      if (origin === 'array' || origin === 'set') return { key: 'tooMany', params: { field, max: bound } };
      return { key: 'tooLarge', params: { field, max: bound } };
    case 'too_small':
      if (origin === 'string') {
        return bound <= 1 ? { key: 'required', params: { field } } : { key: 'atLeast', params: { field, min: bound } };
      }
      if (origin === 'array' || origin === 'set') return { key: 'tooFew', params: { field, min: bound } };
      if (i.inclusive === false && bound === 0) return { key: 'positive', params: { field } };
      return { key: 'tooSmall', params: { field, min: bound } };
    case 'invalid_format':
      if (i.format === 'email') return { key: 'email', params: { field } };
      return { key: 'invalidFormat', params: { field, format: String(i.format) } };
    case 'invalid_value':
      return { key: 'invalidValue', params: { field, options: ((i.values as unknown[]) ?? []).map(String) } };
    case 'invalid_type':
      return { key: 'invalidType', params: { field, expected: String(i.expected) } };
    default:
      return { key: 'invalidInput', params: { field } };
  }
}
