// One rule for every piece of text a request sends (shared/src/text.ts), checked over the
// document's literals and the variables before anything executes: a NUL byte reached
// PostgreSQL and came back as INTERNAL_SERVER_ERROR. The message names where, never what.
import { forbiddenCharacter, multiLineNames } from '@repere/shared/text';
import { type DocumentNode, visit } from 'graphql';
import { type AppError, badInput } from '../errors.ts';

function refuse(where: string, character: string): AppError {
  return badInput(
    `${where} contains a forbidden character (${character}).`,
    { key: 'forbiddenCharacter', params: { field: where, character } },
    { http: { status: 400 } },
  );
}

// A document's own text passed (and where its variables are used), per parsed document: Apollo
// keeps parsed documents, so a query sent again is not walked again.
const documents = new WeakMap<DocumentNode, Map<string, Set<string>>>();

/** Throws BAD_USER_INPUT at the first string holding a forbidden character. */
export function checkText(document: DocumentNode, variables: Record<string, unknown>): void {
  let usedAt = documents.get(document);
  if (!usedAt) {
    usedAt = checkDocument(document);
    documents.set(document, usedAt);
  }
  checkVariables(usedAt, variables);
}

/** Checks the document's literals; returns where each variable is used. */
function checkDocument(document: DocumentNode): Map<string, Set<string>> {
  // Where each variable is used (argument and input field names): decides multi-line text.
  const usedAt = new Map<string, Set<string>>();
  const path: string[] = [];
  visit(document, {
    Field: {
      enter: (node) => void path.push(node.name.value),
      leave: () => void path.pop(),
    },
    Argument: {
      enter: (node) => void path.push(`(${node.name.value})`),
      leave: () => void path.pop(),
    },
    ObjectField: {
      enter: (node) => void path.push(node.name.value),
      leave: () => void path.pop(),
    },
    Variable(node) {
      const names = usedAt.get(node.name.value) ?? new Set();
      for (const name of path) names.add(name);
      usedAt.set(node.name.value, names);
    },
    StringValue(node) {
      const character = forbiddenCharacter(node.value, { multiLine: isMultiLine(path) });
      if (character) throw refuse(path.join('.').replaceAll('.(', '(') || 'a variable default', character);
    },
    // Directive arguments and variable defaults are text too.
    Directive: {
      enter: (node) => void path.push(`@${node.name.value}`),
      leave: () => void path.pop(),
    },
  });
  return usedAt;
}

function checkVariables(usedAt: Map<string, Set<string>>, variables: Record<string, unknown>): void {
  // Iterative, and no path built unless refused: variables are client JSON, as deep and as
  // long as it likes.
  const stack: [unknown, string][] = Object.entries(variables).map(([k, v]) => [v, `$${k}`]);
  const check = (value: string, at: string) => {
    if (forbiddenCharacter(value, { multiLine: false }) === null) return;
    const names = [...(usedAt.get(at.split('.')[0]?.slice(1) ?? '') ?? []), ...at.split('.')];
    const character = forbiddenCharacter(value, { multiLine: isMultiLine(names) });
    if (character) throw refuse(at, character);
  };
  while (stack.length) {
    const [value, at] = stack.pop() as [unknown, string];
    if (typeof value === 'string') check(value, at);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'string') check(v, `${at}.${k}`);
        else if (v && typeof v === 'object') stack.push([v, `${at}.${k}`]);
      }
    }
  }
}

function isMultiLine(names: readonly string[]): boolean {
  return names.some((n) => multiLineNames.has(n.replace(/^\((.*)\)$/, '$1')));
}
