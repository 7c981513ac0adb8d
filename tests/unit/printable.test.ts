// printable() shows at most `max` characters of what a caller sent: it rewrites only those, so
// a huge input costs no more than a short one.
import { describe, expect, it } from 'vitest';
import { printable } from '../../shared/src/text.ts';

describe('printable', () => {
  it('shows controls as U+XXXX and cuts at the bound, with an ellipsis', () => {
    expect(printable('a\u0000b\nc', 100)).toBe('aU+0000bU+000Ac');
    expect(printable('abcdef', 6)).toBe('abcdef');
    expect(printable('abcdefg', 6)).toBe('abcde…');
    expect(printable('\u0001bcdef', 8)).toBe('U+0001b…');
    // Never half of a surrogate pair, and a lone one is a control like the others.
    expect(printable('abcd😀efgh', 6)).toBe('abcd…');
    expect(printable('abcde😀fgh', 7)).toBe('abcde…');
    expect(printable('abcde😀', 7)).toBe('abcde😀');
    expect(printable('abc\uD800def', 20)).toBe('abcU+D800def');
  });

  it('does not rewrite the whole of a huge input', () => {
    // Rewritten whole, 20 million NULs took seconds (20 s for 40 million on a busy machine):
    // shown, ten characters take microseconds.
    const huge = '\u0000'.repeat(20_000_000);
    const started = performance.now();
    expect(printable(huge, 10)).toBe('U+0000U+0…');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
