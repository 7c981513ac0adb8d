// Expected failures carry a stable code, a message meant for the caller, and the message's key
// and parameters (shared/src/errors.ts) for clients that word it themselves; anything else is
// masked by formatError and logged with the request id.
import { type ErrorDetail, thingNamesEn } from '@repere/shared/errors';
import { issueDetail, pathOf } from '@repere/shared/issues';
import { GraphQLError } from 'graphql';
import type { z } from 'zod';

export const errorCodes = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'NOT_FOUND',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  /** The database is unavailable for now (HTTP 503 with Retry-After): retry later. */
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, detail: ErrorDetail, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code, key: detail.key, params: detail.params } });
  }
}

/** BAD_USER_INPUT; `extensions.field` repeats the params' field, where there is one. */
export function badInput(message: string, detail: ErrorDetail, extensions: Record<string, unknown> = {}): AppError {
  const field = (detail.params as { field?: string }).field;
  return new AppError('BAD_USER_INPUT', message, detail, field ? { field, ...extensions } : extensions);
}

export function notFound(thing: keyof typeof thingNamesEn): AppError {
  return new AppError('NOT_FOUND', `No such ${thingNamesEn[thing]}.`, { key: 'notFound', params: { thing } });
}

type Issues = readonly (z.core.$ZodIssue | { message: string; path?: readonly unknown[] })[];

/**
 * zod's issues as one BAD_USER_INPUT: the message joins them ("input.phone: …; input.name: …"),
 * the key and params are the first one's, and `extensions.issues` lists each with its own.
 */
export function invalidInput(issues: Issues, prefix: readonly PropertyKey[] = []): AppError {
  const each = issues.map((issue) => {
    const path = [...prefix, ...((issue.path ?? []) as PropertyKey[])];
    const detail = issueDetail(Object.create(issue, { path: { value: path } }));
    const at = pathOf(path);
    return { message: at ? `${at}: ${issue.message}` : issue.message, ...detail };
  });
  const first = each[0] ?? { message: 'Invalid input.', key: 'invalidInput', params: { field: '' } };
  return badInput(each.map((i) => i.message).join('; ') || first.message, first as ErrorDetail, { issues: each });
}

export function isExpected(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (errorCodes as readonly string[]).includes(code);
}

export const unavailableMessage = 'Service temporarily unavailable: retry in a few seconds.';
