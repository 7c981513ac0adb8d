// Query limits, set once from the environment at boot (env.ts) and read by the builder.
export const maxPageSize = 100;

let current = { depth: 10, complexity: 10000, breadth: 300 };

export const limits = {
  set(next: typeof current) {
    current = next;
  },
  depth: () => current.depth,
  complexity: () => current.complexity,
  breadth: () => current.breadth,
};
