// The schema entry: imports every type file, then builds.
import { builder } from './builder.ts';
import { addDatabaseCosts } from './cost.ts';
import './modules/accounts/mutations.ts';
import './modules/accounts/registration.ts';
import './modules/accounts/setup.ts';
import './modules/assessment/types.ts';
import './modules/accounts/queries.ts';
import './modules/api-keys/types.ts';
import './modules/audit/types.ts';
import './modules/geography/types.ts';
import './modules/helplines/types.ts';
import './modules/imports/types.ts';
import './modules/places/types.ts';
import './modules/referrals/types.ts';
import './modules/revisions/types.ts';
import './modules/submissions/contributions.ts';
import './modules/submissions/moderation.ts';
import './modules/structures/changes.ts';
import './modules/structures/mutations.ts';
import './modules/structures/queries.ts';
import './modules/structures/types.ts';

builder.scalarType('DateTime', {
  description: 'An ISO 8601 date-time in UTC.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => new Date(String(value)),
});

builder.scalarType('JSON', {
  description: 'A JSON value (revisions and diffs of listings).',
  serialize: (value) => value,
  parseValue: (value) => value,
});

export const schema = addDatabaseCosts(builder.toSchema({ sortSchema: true }));
