// Typed operations for the back office: every `graphql(...)` call in src/ is checked against the
// committed schema and given its result and variables types in src/gql/ (generated, committed).
// `pnpm codegen` writes it; `pnpm typecheck` runs it with --check, so a stale or broken one fails.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        // Plain results: fragments only share field lists, they do not hide fields.
        fragmentMasking: false,
      },
      config: {
        // Strings sent by our own fetch (graphql.ts): no GraphQL AST shipped to the browser.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        // A nullable field is always there (as null) in a result; optional only as an input.
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
