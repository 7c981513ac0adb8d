// The back office's import (moderators): data·inclusion files sent as text in GraphQL variables
// (a JSON-only POST, like every other request), each record queued as a submission.
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { badInput } from '../../errors.ts';
import { maxUploadBytes } from '../../http/body.ts';
import { encodeId } from '../../ids.ts';
import {
  type ImportFile,
  ImportFileError,
  type ImportProblem,
  type ImportReport,
  importDataInclusion,
  parseFile,
  type RecordOutcome,
} from './data-inclusion.ts';

const ImportFileEnum = builder.enumType('ImportFile', { values: ['STRUCTURES', 'SERVICES'] as const });
const ImportOutcomeEnum = builder.enumType('ImportOutcome', {
  values: {
    NEW_STRUCTURE: { description: 'Queued as a new listing.' },
    CORRECTION: { description: 'Duplicates a listing: queued as a correction of it.' },
    UNCHANGED: { description: 'Already imported, or the listing it duplicates already says it all.' },
    INVALID: { description: 'Skipped: see problems.' },
  },
});

const Problem = builder.objectRef<ImportProblem>('ImportProblem').implement({
  description: 'Why a record was skipped: its file, its position in the array (from 0) and the field.',
  fields: (t) => ({
    file: t.field({ type: ImportFileEnum, resolve: (p) => p.file.toUpperCase() as Uppercase<ImportFile> }),
    index: t.exposeInt('index'),
    field: t.exposeString('field'),
    message: t.exposeString('message', { description: 'In English; `key` and `params` word it in any language.' }),
    key: t.string({
      description: 'Which problem, from the catalogue of error keys (as `extensions.key` of errors).',
      resolve: (p) => p.detail.key,
    }),
    params: t.field({
      type: 'JSON',
      description: "The key's values: `field` and what the message shows, never more.",
      resolve: (p) => p.detail.params,
    }),
  }),
});

const Outcome = builder.objectRef<RecordOutcome>('ImportedRecord').implement({
  description: 'What became of one structure record (with its services).',
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Its position in the structures array, from 0.' }),
    sourceId: t.exposeString('sourceId', { nullable: true }),
    outcome: t.expose('outcome', { type: ImportOutcomeEnum }),
    submissionId: t.id({
      nullable: true,
      resolve: (r) => (r.submissionId ? encodeId('Submission', r.submissionId) : null),
    }),
    duplicateOf: t.id({
      nullable: true,
      description: 'The listing it duplicates: its id only.',
      resolve: (r) => (r.duplicateOf ? encodeId('Structure', r.duplicateOf) : null),
    }),
  }),
});

const Report = builder.objectRef<ImportReport>('DataInclusionImport').implement({
  fields: (t) => ({
    created: t.exposeInt('created', { description: 'New listings queued.' }),
    corrections: t.exposeInt('corrections', { description: 'Corrections of existing listings queued.' }),
    unchanged: t.exposeInt('unchanged'),
    invalid: t.exposeInt('invalid'),
    records: t.field({ type: [Outcome], resolve: (r) => r.records }),
    problems: t.field({ type: [Problem], resolve: (r) => r.problems }),
  }),
});

const fileText = z.string().max(maxUploadBytes, `a file may hold at most ${maxUploadBytes / 1024 / 1024} MB`);

builder.mutationField('importDataInclusion', (t) =>
  t.field({
    type: Report,
    authScopes: { level: 'moderator' },
    description:
      'Queues data·inclusion v1 records (structures and services files, as JSON text) as PENDING submissions ' +
      '(moderators). Duplicates of listings become corrections; the same records imported again change nothing.',
    args: {
      structures: t.arg.string({ required: true, validate: fileText }),
      services: t.arg.string({ required: true, validate: fileText }),
    },
    resolve: async (_root, args, ctx) => {
      let files: { structures: unknown[]; services: unknown[] };
      try {
        files = {
          structures: parseFile(args.structures, 'structures'),
          services: parseFile(args.services, 'services'),
        };
      } catch (error) {
        if (error instanceof ImportFileError) {
          throw badInput(error.message, { key: error.key, params: { field: error.file } });
        }
        throw error;
      }
      const userId = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
      return importDataInclusion(ctx.db, files, userId);
    },
  }),
);
