// Reports are submissions of kind REPORT: the moderation queue's handler, with the kind forced.
import type { Handlers } from '../handlers.ts';
import { submissions } from '../submissions/data.ts';

export const reports: Pick<Handlers, 'getList' | 'getOne'> = {
  getList: (resource, params) =>
    submissions.getList(resource, { ...params, filter: { ...params.filter, kinds: ['REPORT'] } }),
  getOne: (resource, params) => submissions.getOne(resource, params),
};
