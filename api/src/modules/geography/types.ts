// Coverage: departments and regions with what help the viewer may count there, and the
// departments with none (for a service, or at all).
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { ServiceCategoryEnum, StructureKindEnum } from '../structures/types.ts';
import { type DepartmentRow, listDepartments } from './store.ts';

const KindCount = builder.objectRef<{ kind: string; count: number }>('KindCount');
KindCount.implement({
  fields: (t) => ({
    kind: t.field({ type: StructureKindEnum, resolve: (c) => c.kind as never }),
    count: t.exposeInt('count'),
  }),
});
const ServiceCount = builder.objectRef<{ service: string; count: number }>('ServiceCount');
ServiceCount.implement({
  fields: (t) => ({
    service: t.field({ type: ServiceCategoryEnum, resolve: (c) => c.service as never }),
    count: t.exposeInt('count'),
  }),
});

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
    byKind: t.field({
      type: [KindCount],
      description: 'Per kind, as the viewer may count them.',
      resolve: (d) => d.byKind,
    }),
    byService: t.field({
      type: [ServiceCount],
      description: 'Per service offered, as the viewer may count them.',
      resolve: (d) => d.byService,
    }),
  }),
});

interface RegionRow {
  code: string;
  name: string;
  departments: DepartmentRow[];
}

function sum<K extends string>(departments: DepartmentRow[], pick: (d: DepartmentRow) => { key: K; count: number }[]) {
  const totals = new Map<K, number>();
  for (const d of departments) for (const c of pick(d)) totals.set(c.key, (totals.get(c.key) ?? 0) + c.count);
  return [...totals].sort(([a], [b]) => a.localeCompare(b));
}

const Region = builder.objectRef<RegionRow>('Region');
Region.implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    departments: t.field({ type: [Department], resolve: (r) => r.departments }),
    structureCount: t.int({ resolve: (r) => r.departments.reduce((n, d) => n + d.structureCount, 0) }),
    byKind: t.field({
      type: [KindCount],
      resolve: (r) =>
        sum(r.departments, (d) => d.byKind.map((c) => ({ key: c.kind, count: c.count }))).map(([kind, count]) => ({
          kind,
          count,
        })),
    }),
    byService: t.field({
      type: [ServiceCount],
      resolve: (r) =>
        sum(r.departments, (d) => d.byService.map((c) => ({ key: c.service, count: c.count }))).map(
          ([service, count]) => ({
            service,
            count,
          }),
        ),
    }),
  }),
});

const departments = (ctx: Context) => listDepartments(ctx.db, ctx.view);

builder.queryFields((t) => ({
  departments: t.field({
    type: [Department],
    description: 'Every department (overseas included) with its coverage as the viewer may count it.',
    resolve: (_root, _args, ctx) => departments(ctx),
  }),
  regions: t.field({
    type: [Region],
    description: 'Every region with its departments and coverage as the viewer may count it.',
    resolve: async (_root, _args, ctx) => {
      const byRegion = new Map<string, RegionRow>();
      for (const d of await departments(ctx)) {
        const region = byRegion.get(d.regionCode) ?? { code: d.regionCode, name: d.regionName, departments: [] };
        region.departments.push(d);
        byRegion.set(d.regionCode, region);
      }
      return [...byRegion.values()].sort((a, b) => a.code.localeCompare(b.code));
    },
  }),
  coverageGaps: t.field({
    type: [Department],
    description:
      'Inhabited departments and collectivities where the viewer may count no structure offering this service ' +
      '(or none at all). Terres australes and Clipperton, with no resident population, are never gaps.',
    args: { service: t.arg({ type: ServiceCategoryEnum }) },
    resolve: async (_root, args, ctx) =>
      (await departments(ctx)).filter(
        (d) =>
          d.inhabited &&
          (args.service ? !d.byService.some((c) => c.service === args.service && c.count > 0) : d.structureCount === 0),
      ),
  }),
}));
