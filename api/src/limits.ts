// Query limits, set once from the environment at boot (env.ts) and read by the builder.
import { z } from 'zod';

export const maxPageSize = 100;

/** A `first` argument of the structure lists, with its own words. */
export const pageSizeInput = z
  .number()
  .int()
  .min(1, 'first must be at least 1')
  .max(maxPageSize, `first must be at most ${maxPageSize}`);

let current = { depth: 10, complexity: 10000, breadth: 300, tokens: 5000, aliases: 100, directives: 50 };
let generation = 0;

export const limits = {
  set(next: Partial<typeof current>) {
    current = { ...current, ...next };
    generation += 1;
  },
  /** Changes whenever the limits do: what was checked against older ones is checked again. */
  generation: () => generation,
  depth: () => current.depth,
  complexity: () => current.complexity,
  breadth: () => current.breadth,
  /** Lexical tokens in the query text, enforced by the parser itself. */
  tokens: () => current.tokens,
  aliases: () => current.aliases,
  directives: () => current.directives,
};

/**
 * Fields answering to one name in one selection set (fragments merged): graphql-js compares
 * them pairwise, so 300 of them take 0.4 s to validate. No real query repeats a field 10 times.
 */
export const maxRepeats = 10;
