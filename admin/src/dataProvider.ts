// One data provider for every resource; each resource's calls live in its own folder.
import { type DataProvider, HttpError } from 'react-admin';
import { accounts } from './accounts/data.ts';
import { apiKeys } from './apiKeys/data.ts';
import { auditLog } from './audit/data.ts';
import type { Handlers } from './handlers.ts';
import { helplines } from './helplines/data.ts';
import { staffAccounts } from './moderators/data.ts';
import { professionals } from './professionals/data.ts';
import { referrals } from './referrals/data.ts';
import { reports } from './reports/data.ts';
import { revisions } from './revisions/data.ts';
import { selfAssessmentScale } from './scale/data.ts';
import { structures } from './structures/data.ts';
import { submissions } from './submissions/data.ts';

const resources: Record<string, Partial<Handlers>> = {
  structures,
  submissions,
  reports,
  revisions,
  professionals,
  moderators: staffAccounts,
  apiKeys,
  accounts,
  auditLog,
  referrals,
  helplines,
  selfAssessmentScale,
};

function handler<M extends keyof Handlers>(resource: string, method: M): Handlers[M] {
  const found = resources[resource]?.[method];
  if (!found) throw new HttpError(`${method} is not available for ${resource} yet.`, 501);
  return found;
}

// Async: an unknown method rejects, as any failed call does.
const routed: Handlers = {
  getList: async (resource, params) => handler(resource, 'getList')(resource, params),
  getOne: async (resource, params) => handler(resource, 'getOne')(resource, params),
  getMany: async (resource, params) => handler(resource, 'getMany')(resource, params),
  getManyReference: async (resource, params) => handler(resource, 'getManyReference')(resource, params),
  update: async (resource, params) => handler(resource, 'update')(resource, params),
  updateMany: async (resource, params) => handler(resource, 'updateMany')(resource, params),
  create: async (resource, params) => handler(resource, 'create')(resource, params),
  delete: async (resource, params) => handler(resource, 'delete')(resource, params),
  deleteMany: async (resource, params) => handler(resource, 'deleteMany')(resource, params),
};

// react-admin lets each caller name the record type it expects (`useGetOne<Structure>`); what
// comes back is the resource's generated row type: the one place that naming is taken on trust.
export const dataProvider = routed as DataProvider;
