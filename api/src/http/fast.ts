// The hot path for queries: a document seen before runs from a cache of parsed, validated and
// compiled operations (graphql-jit), without Apollo's per-request pipeline. It runs only what
// Apollo would run: anything it does not accept as is (a first invalid document, a mutation,
// bad variables, a refused cost, an unusual request shape) goes to Apollo, which answers it
// with its own errors. The protections stay where they are: limits before (precheck.ts, and
// the same text and cost checks as limits-plugin.ts here), scope-auth and field visibility in
// the schema's resolvers, error masking by the same formatError.

import { createHash } from 'node:crypto';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Context } from '../context.ts';
import { isDatabaseUnavailable, retryAfterSeconds } from '../db/unavailable.ts';
import { isExpected } from '../errors.ts';
import { limits } from '../limits.ts';
import { checkText } from './text-check.ts';

/** A GraphQL request as sent, read from a POST body or a GET query string. */
export interface FastRequest {
  /** Null when only a persisted query's hash was sent (APQ). */
  query: string | null;
  operationName: string | null;
  variables: Record<string, unknown>;
  /** APQ (`extensions.persistedQuery`, version 1): the text's SHA-256, hex. */
  sha256Hash?: string;
}

export interface FastAnswer {
  status: number;
  headers: [string, string][];
  body: string;
}

interface Entry {
  operation: OperationDefinitionNode;
  /** The document as parsed: text checks are kept per document (text-check.ts). */
  document: DocumentNode;
  /** The operation and the fragments: what the cost is computed on (limits-plugin.ts). */
  costDocument: DocumentNode;
  compiled: CompiledQuery;
}

const maxKept = 1000;
const maxKeptLength = 20_000;
const json = 'application/json; charset=utf-8';
const graphqlResponse = 'application/graphql-response+json; charset=utf-8';

/**
 * The response type Apollo would choose for these Accept headers; undefined for any other
 * (Apollo negotiates those).
 */
export function fastContentType(accept: string | undefined): string | undefined {
  if (!accept || accept === '*/*' || accept === 'application/json') return json;
  if (accept === 'application/graphql-response+json') return graphqlResponse;
  return undefined;
}

/** The request's operation, when its shape is the plain one; null for Apollo to handle. */
export function readFastRequest(method: string | undefined, body: unknown, search: URLSearchParams | null) {
  if (method === 'POST') {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
    const {
      query,
      operationName = null,
      variables = null,
      extensions = null,
      ...rest
    } = body as Record<string, unknown>;
    if (Object.keys(rest).length) return null;
    if (operationName !== null && typeof operationName !== 'string') return null;
    if (variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
    const sha256Hash = extensions === null ? undefined : persistedHash(extensions);
    if (sha256Hash === null) return null;
    if (!(typeof query === 'string' || (query === undefined && sha256Hash))) return null;
    return {
      query: query ?? null,
      operationName,
      variables: (variables ?? {}) as Record<string, unknown>,
      ...(sha256Hash && { sha256Hash }),
    };
  }
  if (method === 'GET' && search) {
    let query: string | null = null;
    let operationName: string | null = null;
    let variables: Record<string, unknown> = {};
    let sha256Hash: string | undefined;
    const seen = new Set<string>();
    for (const [key, value] of search) {
      if (seen.has(key)) return null;
      seen.add(key);
      if (key === 'query') query = value;
      else if (key === 'operationName') operationName = value;
      else if (key === 'variables' || key === 'extensions') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(value);
        } catch {
          return null;
        }
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
        if (key === 'variables') variables = parsed as Record<string, unknown>;
        else {
          const hash = persistedHash(parsed);
          if (!hash) return null;
          sha256Hash = hash;
        }
      }
    }
    if (query === null && !sha256Hash) return null;
    return { query, operationName, variables, ...(sha256Hash && { sha256Hash }) };
  }
  return null;
}

/**
 * The hash of `extensions` that hold an APQ version 1 and nothing else; null for any other
 * extensions (Apollo answers those, with its own errors for a bad version or hash).
 */
function persistedHash(extensions: unknown): string | null {
  if (!extensions || typeof extensions !== 'object' || Array.isArray(extensions)) return null;
  const { persistedQuery, ...others } = extensions as Record<string, unknown>;
  if (Object.keys(others).length || !persistedQuery || typeof persistedQuery !== 'object') return null;
  const { version, sha256Hash, ...rest } = persistedQuery as Record<string, unknown>;
  if (version !== 1 || typeof sha256Hash !== 'string' || !/^[0-9a-f]{64}$/.test(sha256Hash)) return null;
  return Object.keys(rest).length ? null : sha256Hash;
}

/**
 * Automatic persisted queries' texts by hash, kept in this process: Apollo's store (its
 * `persistedQueries.cache`, whose keys it prefixes with `apq:`), read by the hot path too, so a
 * GET that sends only a hash is answered compiled. Bounded by the entries' total length (each
 * key and a fixed overhead counted too, so that many tiny texts under distinct hashes do not
 * grow the map) and by their number; the oldest go first (a client whose hash is gone is told
 * PERSISTED_QUERY_NOT_FOUND and sends the text again, as APQ clients do).
 */
export function createPersistedQueries(maxChars = 8 * 1024 * 1024, maxEntries = 10_000) {
  const texts = new Map<string, string>();
  let chars = 0;
  // What a Map entry costs beyond its key and text, roughly, in characters.
  const overhead = 100;
  const size = (key: string, text: string) => key.length + text.length + overhead;
  const remove = (key: string) => {
    const text = texts.get(key);
    if (text === undefined) return;
    chars -= size(key, text);
    texts.delete(key);
  };
  return {
    /** The text registered for this hash (hex), if kept. */
    text: (sha256Hash: string) => texts.get(`apq:${sha256Hash}`),
    async get(key: string) {
      return texts.get(key);
    },
    async set(key: string, value: string) {
      remove(key);
      if (size(key, value) > maxChars) return;
      texts.set(key, value);
      chars += size(key, value);
      for (const oldest of texts.keys()) {
        if (chars <= maxChars && texts.size <= maxEntries) break;
        remove(oldest);
      }
    },
    async delete(key: string) {
      remove(key);
      return true;
    },
  };
}

export type PersistedQueries = ReturnType<typeof createPersistedQueries>;

export interface FastPathOptions {
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Counted like Apollo's willSendResponse (metrics): operation name and outcome. */
  onOperation?: (operationName: string | null, outcome: string) => void;
  /** APQ texts, shared with Apollo: without it a request with a hash is Apollo's. */
  persisted?: PersistedQueries;
}

export function createFastPath(schema: GraphQLSchema, options: FastPathOptions) {
  // Per operation name and text; `false`: not for this path (invalid, a mutation…), Apollo's.
  const entries = new Map<string, Entry | false>();

  function entryFor(query: string, operationName: string | null): Entry | false {
    const key = `${operationName ?? ''}\n${query}`;
    const known = entries.get(key);
    if (known !== undefined) return known;
    const entry = prepare(query, operationName);
    if (query.length <= maxKeptLength) {
      if (entries.size >= maxKept) entries.clear();
      entries.set(key, entry);
    }
    return entry;
  }

  /** The text to run: as sent, or registered under its APQ hash; null for Apollo to answer. */
  function textOf(request: FastRequest): string | null {
    if (!request.sha256Hash) return request.query;
    if (!options.persisted) return null;
    if (request.query === null) return options.persisted.text(request.sha256Hash) ?? null;
    return createHash('sha256').update(request.query).digest('hex') === request.sha256Hash ? request.query : null;
  }

  function prepare(query: string, operationName: string | null): Entry | false {
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.tokens() });
    } catch {
      return false;
    }
    if (validate(schema, document).length) return false;
    const operation = getOperationAST(document, operationName);
    if (operation?.operation !== 'query') return false;
    const compiled = compileQuery(schema, document, operationName ?? undefined, {
      disablingCapturingStackErrors: true,
    });
    if (!isCompiledQuery(compiled)) return false;
    const costDocument: DocumentNode = {
      ...document,
      definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION),
    };
    return { operation, document, costDocument, compiled };
  }

  /** The answer, or null when Apollo should answer (nothing has run then). */
  async function run(request: FastRequest, context: Context, contentType: string): Promise<FastAnswer | null> {
    const query = textOf(request);
    if (query === null) return null;
    const entry = entryFor(query, request.operationName);
    if (!entry) return null;
    // The checks of limits-plugin.ts, in its order; a refusal is Apollo's to word.
    try {
      checkText(entry.document, request.variables);
      const { complexity } = complexityFromQuery(entry.costDocument, {
        schema,
        ctx: context,
        variables: request.variables,
      });
      if (complexity > limits.complexity()) return null;
    } catch {
      return null;
    }
    // As Apollo does: a text sent with its hash is kept once it passed every check.
    if (request.sha256Hash && request.query !== null) void options.persisted?.set(`apq:${request.sha256Hash}`, query);
    const result = (await entry.compiled.query(undefined, context, request.variables)) as ExecutionResult;
    // No data at all: the variables did not coerce (no resolver ran).
    if (!('data' in result) || result.data === undefined) return null;
    let status = 200;
    const headers: [string, string][] = [['content-type', contentType]];
    let errors: GraphQLFormattedError[] | undefined;
    if (result.errors?.length) {
      for (const error of result.errors) {
        if (isExpected(error.extensions?.code)) continue;
        if (isDatabaseUnavailable(error)) {
          // As the Apollo path does: a 503 that asks to come back, and a warning, not an error.
          context.log.warn({ path: error.path, reason: error.message }, 'database unavailable');
          status = 503;
          headers.push(['retry-after', String(retryAfterSeconds)]);
          continue;
        }
        context.log.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
      }
      errors = result.errors.map((error) => {
        const formatted = format(error);
        if (formatted.http?.status && status !== 503) status = formatted.http.status;
        for (const [name, value] of formatted.http?.headers ?? []) headers.push([name, value]);
        return options.formatError(formatted.error, error);
      });
    }
    options.onOperation?.(entry.operation.name?.value ?? null, errors?.[0]?.extensions?.code?.toString() ?? 'ok');
    return { status, headers, body: `${JSON.stringify({ errors, data: result.data })}\n` };
  }

  return { run };
}

interface HttpHead {
  status?: number;
  headers?: Map<string, string>;
}

/** Apollo's normalisation before formatError (errorNormalize.js): a code, `http` taken out. */
function format(error: GraphQLError): { error: GraphQLFormattedError; http?: HttpHead } {
  const extensions: Record<string, unknown> = {
    ...error.extensions,
    code: error.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
  };
  let http: HttpHead | undefined;
  if (isHttpHead(extensions.http)) {
    http = extensions.http;
    delete extensions.http;
  }
  return { error: { ...error.toJSON(), extensions }, http };
}

function isHttpHead(x: unknown): x is HttpHead {
  return (
    !!x &&
    typeof x === 'object' &&
    (!('status' in x) || typeof x.status === 'number') &&
    (!('headers' in x) || x.headers instanceof Map)
  );
}
