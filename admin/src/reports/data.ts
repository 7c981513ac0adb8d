// Reports are submissions of kind REPORT: the moderation queue's handler, with the kind forced.
import type { DataProvider } from 'react-admin';
import { submissions } from '../submissions/data.ts';

export const reports: Pick<DataProvider, 'getList' | 'getOne'> = {
  getList: (resource, params) =>
    submissions.getList(resource, { ...params, filter: { ...params.filter, kinds: ['REPORT'] } }),
  getOne: (resource, params) => submissions.getOne(resource, params),
};
