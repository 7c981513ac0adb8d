// What any text sent to Repère may hold: no NUL (PostgreSQL refuses it in text), no other
// control character and no lone surrogate (neither survives UTF-8). Line breaks and tabs are
// the only controls allowed, and only in multi-line free text.
import { z } from 'zod';
import { issueParams } from './issues.ts';

// C0 controls but tab and line breaks, DEL and C1 controls, then unpaired surrogates.
const always =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const lineBreaks = /[\t\n\r]/;

const unicodeName = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character `text` may not hold, as U+XXXX; null when it is clean. */
export function forbiddenCharacter(text: string, options: { multiLine: boolean }): string | null {
  const found = always.exec(text) ?? (options.multiLine ? null : lineBreaks.exec(text));
  if (!found) return null;
  return unicodeName(found[0]);
}

/** The same rule for forms and zod inputs. */
export const cleanText = (options: { multiLine: boolean }) =>
  z.string().refine((s) => forbiddenCharacter(s, options) === null, {
    params: issueParams('controlCharacters'),
    message: options.multiLine
      ? 'must not contain control characters (line breaks and tabs are allowed)'
      : 'must not contain control characters or line breaks',
  });

/**
 * Names of arguments and input fields holding multi-line free text (and everything below a
 * JSON document such as the scale's content): the only places line breaks and tabs may go.
 */
export const multiLineNames: ReadonlySet<string> = new Set([
  'description',
  'comment',
  'message',
  'internalNotes',
  'intakeCriteria',
  'accessibility',
  'justification',
  'note',
  'reason',
  'hours',
  'openingHours',
  'audience',
  'content',
  // The import's files (JSON text, often pretty-printed).
  'importDataInclusion',
]);

// The same characters, every one of them (`always` stops at the first).
const controls = new RegExp(`${always.source}|${lineBreaks.source}`, 'g');

/**
 * Text a caller sent, as an error message may echo it: every control character (line breaks
 * included) written as U+XXXX, so that none reaches a terminal or a log as itself, and at most
 * `max` characters, cut with an ellipsis.
 */
export function printable(text: string, max: number): string {
  // Only what can be shown is rewritten (a huge input is not scanned whole): one character past
  // the bound tells whether it is cut, and a second one keeps a surrogate pair whole.
  let head = text.length > max + 1 ? text.slice(0, max + 1) : text;
  if (head !== text && /[\uD800-\uDBFF]$/.test(head)) head = text.slice(0, max + 2);
  const shown = head.replace(controls, unicodeName);
  if (shown.length <= max) return shown;
  // Not between the two halves of a surrogate pair.
  const cut = shown.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
