// POSTs each operation to this origin's /graphql. Headers typed in the explorer (X-Api-Key)
// go along; a back-office session cookie counts too, since the page is same-origin.
import type { GraphiQLProps } from 'graphiql';

export const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...options?.headers,
    },
    body: JSON.stringify(params),
  });
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}` }] };
  }
};
