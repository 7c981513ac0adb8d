import { builder } from '../../builder.ts';
import { viewFor } from '../structures/visibility.ts';
import { type DepartmentRow, listDepartments } from './store.ts';

const Department = builder.objectRef<DepartmentRow>('Department');
Department.implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    regionCode: t.exposeString('regionCode'),
    regionName: t.exposeString('regionName'),
    zone: t.exposeString('zone', { description: 'metro, drom or com.' }),
    structureCount: t.exposeInt('structureCount', {
      description: 'Structures listed here, as the viewer may count them.',
    }),
  }),
});

builder.queryFields((t) => ({
  departments: t.field({
    type: [Department],
    description: 'Every department (overseas included) with its coverage as the viewer may count it.',
    resolve: (_root, _args, ctx) => listDepartments(ctx.db, viewFor(ctx.viewer)),
  }),
}));
