// After validation, before anything executes (introspection included): text, variables and
// cost (Pothos annotations plus cost.ts). Token, shape, alias and directive limits come
// earlier (precheck.ts). Every refusal here is a request error (HTTP 400).
import type { ApolloServerPlugin } from '@apollo/server';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { type ErrorDetail, isErrorKey } from '@repere/shared/errors';
import { printable } from '@repere/shared/text';
import { GraphQLError, getVariableValues, Kind } from 'graphql';
import type { Context } from '../context.ts';
import { AppError, type ErrorCode, isExpected } from '../errors.ts';
import { limits } from '../limits.ts';
import { tooComplex } from './shape.ts';
import { checkText } from './text-check.ts';

export const limitsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async validationDidStart({ contextValue }) {
        return async (errors) => {
          // Anonymous callers get no tour of the schema through "Did you mean …?".
          if (contextValue.viewer.kind !== 'anonymous') return;
          for (const error of errors ?? []) error.message = withoutSuggestions(error.message);
        };
      },
      async didResolveOperation({ document, operation, request, contextValue, schema }) {
        // No such operation (unknown name, several unnamed, no subscriptions): Apollo says so.
        if (!operation || !schema.getRootType(operation.operation)) return;
        const variables = request.variables ?? {};
        checkText(document, variables);
        // Variables are coerced here before Apollo does: a bad one is the caller's mistake.
        const errors = getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors;
        if (errors?.length) {
          // Up to 50 errors (graphql-js's bound), each bounded, and the whole too; suggestions
          // are taken out of bounded text (a cut one too).
          const anonymous = contextValue.viewer.kind === 'anonymous';
          const shown = errors.map((e) => (anonymous ? withoutSuggestions(bounded(e.message)) : bounded(e.message)));
          let message = printable(shown.join(' '), 1000);
          if (anonymous) message = withoutSuggestions(message);
          throw new AppError(
            'BAD_USER_INPUT',
            message,
            { key: 'invalidVariables', params: {} },
            { http: { status: 400 } },
          );
        }
        // The operation that runs, not the document's first one (Pothos takes the first).
        const definitions = document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION);
        let complexity: number;
        try {
          ({ complexity } = complexityFromQuery(
            { ...document, definitions },
            { schema, ctx: contextValue, variables },
          ));
        } catch (error) {
          // Arguments are validated as the cost is computed (first: 101): still a request error.
          if (error instanceof GraphQLError && isExpected(error.extensions.code)) {
            const { code, key, params, ...rest } = error.extensions;
            const detail = (
              isErrorKey(key) ? { key, params } : { key: 'invalidInput', params: { field: '' } }
            ) as ErrorDetail;
            throw new AppError(code as ErrorCode, error.message, detail, { ...rest, http: { status: 400 } });
          }
          throw error;
        }
        if (complexity > limits.complexity()) {
          throw tooComplex(
            `Query cost ${complexity} exceeds the limit of ${limits.complexity()} (lower first, select fewer fields or make several requests).`,
            { key: 'tooCostly', params: { cost: complexity, max: limits.complexity() } },
          );
        }
      },
    };
  },
};

const withoutSuggestions = (message: string) => message.replace(/ ?Did you mean [^?]*(?:\?|$)/g, '');

/**
 * graphql-js echoes a refused variable's value whole, often twice ('got invalid value "…"; Int
 * cannot represent non-integer value: "…"'): a 1 MB string came back in the message. Each quoted
 * value is cut to 100 characters, the message (an object's keys are not quoted) to 500. One pass,
 * no regular expression: a value full of quotes and backslashes cannot make it backtrack.
 */
function bounded(message: string, maxValue = 100, max = 500): string {
  let out = '';
  let at = 0;
  while (out.length <= max) {
    const open = message.indexOf('"', at);
    if (open === -1) break;
    let close = open + 1;
    while (close < message.length && message[close] !== '"') close += message[close] === '\\' ? 2 : 1;
    if (close >= message.length) break;
    const value =
      close - open - 1 > maxValue ? `${message.slice(open + 1, open + 1 + maxValue)}…` : message.slice(open + 1, close);
    out += `${message.slice(at, Math.min(open, at + max + 1))}"${value}"`;
    at = close + 1;
  }
  return printable(out + message.slice(at, at + max + 1), max);
}
