// The self-assessment scale: the current version for anyone, an anonymous evaluation that
// stores nothing about the person (only a count per day and band), new versions by admins.
import { type ScaleContent, scaleContent } from '@repere/shared/assessment';
import { type ScaleBand, scaleBands } from '@repere/shared/enums';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { AppError, badInput } from '../../errors.ts';
import { writeAudit } from '../audit/store.ts';
import { type HelplineRow, listHelplines } from '../helplines/store.ts';
import { Helpline } from '../helplines/types.ts';
import { parisClock } from '../structures/opening-hours.ts';
import { GeoPointInput } from '../structures/queries.ts';
import { listStructures, type StructureRow } from '../structures/store.ts';
import { Structure } from '../structures/types.ts';
import { viewFor } from '../structures/visibility.ts';
import { countEvaluation, currentScale, dailyCounts, publishScale, type ScaleRow } from './store.ts';

const ScaleBandEnum = builder.enumType('ScaleBand', { values: scaleBands, description: 'Mildest first.' });

const LocalizedText = builder.objectRef<{ fr: string; en: string }>('LocalizedText');
LocalizedText.implement({ fields: (t) => ({ fr: t.exposeString('fr'), en: t.exposeString('en') }) });

type Band = ScaleContent['bands'][number];
type Item = ScaleContent['items'][number];

const helplinesOf = async (slugs: string[], all: Promise<HelplineRow[]>) => {
  const bySlug = new Map((await all).map((h) => [h.slug, h]));
  return slugs.flatMap((s) => bySlug.get(s) ?? []);
};

const ScaleBandInfo = builder.objectRef<Band>('ScaleBandInfo');
ScaleBandInfo.implement({
  fields: (t) => ({
    band: t.expose('band', { type: ScaleBandEnum }),
    label: t.field({ type: LocalizedText, resolve: (b) => b.label }),
    advice: t.field({ type: LocalizedText, resolve: (b) => b.advice }),
    helplines: t.field({
      type: [Helpline],
      description: "The band's helplines that exist now.",
      resolve: (b, _a, ctx) => helplinesOf(b.helplines, listHelplines(ctx.db)),
    }),
    helplineIds: t.stringList({
      description: 'The helpline ids as published, including any deleted since: what a new version should send back.',
      resolve: (b) => b.helplines,
    }),
  }),
});

const ScaleItem = builder.objectRef<Item>('ScaleItem');
ScaleItem.implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    band: t.expose('band', { type: ScaleBandEnum }),
    text: t.field({ type: LocalizedText, resolve: (i) => i.text }),
  }),
});

const SelfAssessmentScale = builder.objectRef<ScaleRow>('SelfAssessmentScale');
SelfAssessmentScale.implement({
  description: 'Graduated items a young person may recognise, in colour bands. Versioned.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    publishedAt: t.field({ type: 'DateTime', resolve: (s) => s.publishedAt }),
    bands: t.field({ type: [ScaleBandInfo], resolve: (s) => s.content.bands }),
    items: t.field({ type: [ScaleItem], resolve: (s) => s.content.items }),
  }),
});

interface Result {
  band: Band;
  version: number;
  structures: StructureRow[] | null;
}

const NearbyHelp = builder.objectRef<StructureRow>('NearbyHelp');
NearbyHelp.implement({
  fields: (t) => ({
    distanceKm: t.float({
      nullable: true,
      resolve: (s) => (s.distanceM == null ? null : Math.round(s.distanceM) / 1000),
    }),
    structure: t.field({ type: Structure, resolve: (s) => s }),
  }),
});

const SelfAssessmentResult = builder.objectRef<Result>('SelfAssessmentResult');
SelfAssessmentResult.implement({
  description: 'The highest band reached and whom to contact. Nothing about the person is kept.',
  fields: (t) => ({
    band: t.field({ type: ScaleBandEnum, resolve: (r) => r.band.band }),
    label: t.field({ type: LocalizedText, resolve: (r) => r.band.label }),
    advice: t.field({ type: LocalizedText, resolve: (r) => r.band.advice }),
    helplines: t.field({
      type: [Helpline],
      resolve: (r, _a, ctx) => helplinesOf(r.band.helplines, listHelplines(ctx.db)),
    }),
    nearby: t.field({
      type: [NearbyHelp],
      nullable: true,
      description: 'With `near`: the five nearest public structures young people can go to themselves.',
      resolve: (r) => r.structures,
    }),
    scaleVersion: t.exposeInt('version'),
  }),
});

const DailyCount = builder.objectRef<{ day: string; band: ScaleBand; count: number }>('SelfAssessmentDailyCount');
DailyCount.implement({
  fields: (t) => ({
    day: t.exposeString('day'),
    band: t.expose('band', { type: ScaleBandEnum }),
    count: t.exposeInt('count'),
  }),
});

async function scale(db: Parameters<typeof currentScale>[0]): Promise<ScaleRow> {
  const row = await currentScale(db);
  if (!row)
    throw new AppError('NOT_FOUND', 'No scale published: run `pnpm repere db migrate`.', {
      key: 'noScale',
      params: {},
    });
  return row;
}

builder.queryFields((t) => ({
  selfAssessmentScale: t.field({
    type: SelfAssessmentScale,
    resolve: (_root, _args, ctx) => scale(ctx.db),
  }),
  selfAssessmentCounts: t.field({
    type: [DailyCount],
    authScopes: { admin: true },
    description: 'Evaluations per day and band (admins): the only trace evaluations leave.',
    args: { days: t.arg.int({ defaultValue: 30, validate: z.number().int().min(1).max(366) }) },
    resolve: (_root, args, ctx) => dailyCounts(ctx.db, args.days ?? 30),
  }),
}));

builder.mutationFields((t) => ({
  evaluateSelfAssessment: t.field({
    type: SelfAssessmentResult,
    description: 'Anonymous: returns the highest band reached, advice and whom to contact. Stores nothing about you.',
    args: {
      itemIds: t.arg.idList({
        required: true,
        validate: z.array(z.string().max(40)).min(1, 'itemIds: choose at least one item').max(200),
      }),
      near: t.arg({ type: GeoPointInput }),
    },
    resolve: async (_root, args, ctx) => {
      const current = await scale(ctx.db);
      const items = new Map(current.content.items.map((i) => [i.id, i]));
      const unknown = args.itemIds.filter((id) => !items.has(id));
      if (unknown.length) {
        throw badInput(`itemIds: not items of the current scale (version ${current.version}).`, {
          key: 'notScaleItems',
          params: { field: 'itemIds', version: current.version },
        });
      }
      const reached = Math.max(...args.itemIds.map((id) => scaleBands.indexOf((items.get(id) as Item).band)));
      const band = current.content.bands.find((b) => b.band === scaleBands[reached]) as Band;
      const now = new Date();
      const structures = args.near
        ? (
            await listStructures(ctx.db, viewFor({ kind: 'anonymous' }), {
              filter: { visibilities: ['PUBLIC'], mobilisers: ['YOUNG_PEOPLE'] },
              near: args.near,
              first: 5,
              now,
            })
          ).rows
        : null;
      await countEvaluation(ctx.db, parisClock(now).date, band.band);
      return { band, version: current.version, structures };
    },
  }),
  publishSelfAssessmentScale: t.field({
    type: SelfAssessmentScale,
    authScopes: { admin: true },
    description: 'Publishes a new version of the scale (admins); the previous ones are kept.',
    args: {
      content: t.arg({ type: 'JSON', required: true, validate: scaleContent }),
      expectedVersion: t.arg.int({
        description: 'The version the edit started from: CONFLICT if another was published since.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const content = scaleContent.parse(args.content);
      const actorId = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
      const version = await publishScale(ctx.db, content, actorId, args.expectedVersion);
      if (version === null) {
        const current = await scale(ctx.db);
        const since = args.expectedVersion == null ? 'at the same moment' : `since version ${args.expectedVersion}`;
        const field = 'expectedVersion';
        throw new AppError(
          'CONFLICT',
          `expectedVersion: version ${current.version} was published ${since}; reload the scale and apply your changes to it.`,
          args.expectedVersion == null
            ? { key: 'scaleRace', params: { field, current: current.version } }
            : { key: 'scaleConflict', params: { field, current: current.version, expected: args.expectedVersion } },
          { field, currentVersion: current.version },
        );
      }
      await writeAudit(ctx.db, [{ action: 'SCALE_PUBLISHED', actorId }]);
      return scale(ctx.db);
    },
  }),
}));
