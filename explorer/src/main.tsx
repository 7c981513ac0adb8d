// The explorer: GraphiQL on this API's /graphql, its tabs preloaded with the README's examples.
// Monaco's workers come from this build (graphiql/setup-workers/vite), never from a CDN.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './explorer.css';
import examples from 'virtual:readme-examples';
import sdl from 'virtual:schema';
import { GraphiQL } from 'graphiql';
import { buildSchema } from 'graphql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { fetcher } from './fetcher.ts';

// The schema as committed (schema.graphql, checked against the API by its tests): no introspection.
const schema = buildSchema(sdl);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} schema={schema} defaultTabs={examples.map(({ query }) => ({ query }))}>
      <GraphiQL.Logo>Repère</GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
