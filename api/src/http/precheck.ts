// Limits checked on the query text before Apollo sees it, so before validation (whose
// field-merging rule is quadratic) and before any database work (sessions, rate limits):
// the parser's token limit, then shape, aliases and directives, each linear in the text.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Lexer,
  parse,
  Source,
  TokenKind,
  type ValidationRule,
  validate,
} from 'graphql';
import { AppError } from '../errors.ts';
import { limits, maxRepeats } from '../limits.ts';
import { checkShape, tooComplex } from './shape.ts';

// Query texts that passed, per schema and limits: partners send the same few queries again and
// again, and the answer depends on the text alone. Bounded; refusals are not kept.
const passed = new WeakMap<GraphQLSchema, { generation: number; texts: Set<string> }>();
const maxKept = 1000;
const maxKeptLength = 20_000;

/** The refusal of a query that cannot run (bad syntax, over a limit); null when it may go on. */
export function precheck(query: unknown, schema: GraphQLSchema): AppError | null {
  if (typeof query !== 'string') return null;
  let kept = passed.get(schema);
  if (!kept || kept.generation !== limits.generation()) {
    kept = { generation: limits.generation(), texts: new Set() };
    passed.set(schema, kept);
  }
  if (kept.texts.has(query)) return null;
  const refused = check(query, schema);
  if (!refused && query.length <= maxKeptLength) {
    if (kept.texts.size >= maxKept) kept.texts.clear();
    kept.texts.add(query);
  }
  return refused;
}

function check(query: string, schema: GraphQLSchema): AppError | null {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.tokens(), noLocation: true });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return overTokens(query, limits.tokens())
      ? new AppError('GRAPHQL_PARSE_FAILED', error.message, { key: 'tooManyTokens', params: { max: limits.tokens() } })
      : new AppError('GRAPHQL_PARSE_FAILED', error.message, { key: 'syntaxError', params: {} });
  }
  try {
    checkShape(document, { depth: limits.depth(), breadth: limits.breadth(), repeats: maxRepeats });
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'QUERY_TOO_COMPLEX') return error as AppError;
    throw error;
  }
  // graphql-armor's rules on their own, one at a time (each names its own limit): linear.
  return (
    armor(schema, document, maxAliasesRule({ n: limits.aliases() }), 'tooManyAliases', limits.aliases()) ??
    armor(schema, document, maxDirectivesRule({ n: limits.directives() }), 'tooManyDirectives', limits.directives())
  );
}

function armor(
  schema: GraphQLSchema,
  document: DocumentNode,
  rule: ValidationRule,
  key: 'tooManyAliases' | 'tooManyDirectives',
  max: number,
): AppError | null {
  try {
    validate(schema, document, [rule]);
    return null;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return tooComplex(error.message.replace(/^Syntax Error: /, ''), { key, params: { max } });
  }
}

/** Whether the parser stopped at its token limit (it counts as the lexer does, comments aside). */
function overTokens(query: string, max: number): boolean {
  const lexer = new Lexer(new Source(query));
  try {
    for (let n = 1; lexer.advance().kind !== TokenKind.EOF; n++) if (n > max) return true;
  } catch {
    // A syntax error before the limit.
  }
  return false;
}
