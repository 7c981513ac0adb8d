// One data provider for every resource; each resource's calls live in its own folder.
import { type DataProvider, HttpError } from 'react-admin';
import { accounts } from './accounts/data.ts';
import { apiKeys } from './apiKeys/data.ts';
import { auditLog } from './audit/data.ts';
import { helplines } from './helplines/data.ts';
import { staffAccounts } from './moderators/data.ts';
import { professionals } from './professionals/data.ts';
import { referrals } from './referrals/data.ts';
import { reports } from './reports/data.ts';
import { revisions } from './revisions/data.ts';
import { selfAssessmentScale } from './scale/data.ts';
import { structures } from './structures/data.ts';
import { submissions } from './submissions/data.ts';

type Method = Exclude<keyof DataProvider, 'supportAbortSignal'>;
type Handler = (resource: string, params: unknown) => Promise<unknown>;

const resources: Record<string, Partial<Record<Method, Handler>>> = {
  structures: structures as never,
  submissions: submissions as never,
  reports: reports as never,
  revisions: revisions as never,
  professionals: professionals as never,
  moderators: staffAccounts as never,
  apiKeys: apiKeys as never,
  accounts: accounts as never,
  auditLog: auditLog as never,
  referrals: referrals as never,
  helplines: helplines as never,
  selfAssessmentScale: selfAssessmentScale as never,
};

const route =
  (method: Method): Handler =>
  async (resource, params) => {
    const handler = resources[resource]?.[method];
    if (!handler) throw new HttpError(`${method} is not available for ${resource} yet.`, 501);
    return handler(resource, params);
  };

const methods: Method[] = [
  'getList',
  'getOne',
  'getMany',
  'getManyReference',
  'update',
  'updateMany',
  'create',
  'delete',
  'deleteMany',
];

export const dataProvider = Object.fromEntries(methods.map((m) => [m, route(m)])) as unknown as DataProvider;
