// Types for the operations in src/operations.ts, checked against Repère's schema. Here the
// repository's printed schema; a partner's own copy points `schema` at the API instead
// (e.g. 'https://repere.example.org/graphql') or at a downloaded schema.graphql.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Plain strings sent with fetch: no GraphQL library at run time.
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
