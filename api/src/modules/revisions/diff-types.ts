// The GraphQL type of one changed field (revisions and contributions).
import { builder } from '../../builder.ts';
import type { FieldChange } from './diff.ts';

export const FieldChangeRef = builder.objectRef<FieldChange>('FieldChange');
FieldChangeRef.implement({
  description: 'One field that differs (address and professional contact field by field, e.g. address.street).',
  fields: (t) => ({
    field: t.exposeString('field'),
    before: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.before }),
    after: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.after }),
  }),
});
