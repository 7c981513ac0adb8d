// Import of data·inclusion v1 files (structures and services): each structure, with its services,
// becomes one PENDING submission in the moderation queue, a new listing or a correction of the
// listing it duplicates. Checked against the standard's schemas, then Repère's rules; a record
// with any problem (or with an invalid service) is reported and skipped. Each record is stored
// in its own transaction, whole or not at all; the same record imported again stores nothing.
import { createHash } from 'node:crypto';
import { structurePatch } from '@repere/shared/curation';
import { type ErrorDetail, isErrorKey } from '@repere/shared/errors';
import { issueDetail } from '@repere/shared/issues';
import { forbiddenCharacter, printable } from '@repere/shared/text';
import type { Db } from '../../db/client.ts';
import { decodeId } from '../../ids.ts';
import { checkInput, structureDocument } from '../structures/editing.ts';
import { checkPatch } from '../submissions/checks.ts';
import { baseOf } from '../submissions/fields.ts';
import { importedRecord, insertImportedSubmission, listingOfSource } from '../submissions/store.ts';
import { correctionOf, listingRow } from './corrections.ts';
import {
  type DiService,
  type DiStructure,
  type FieldProblem,
  newListing,
  newListingProblems,
  type Proposed,
  problem,
  toRepere,
} from './mapping.ts';
import { checkService, checkStructure } from './schemas.ts';
import { findDuplicate, type MatchedBy, structureExists } from './store.ts';

export type ImportFile = 'structures' | 'services';
export type Outcome = 'NEW_STRUCTURE' | 'CORRECTION' | 'UNCHANGED' | 'INVALID';

export interface ImportProblem extends FieldProblem {
  file: ImportFile;
  /** Position of the record in its file's array, from 0. */
  index: number;
}

export interface RecordOutcome {
  index: number;
  sourceId: string | null;
  outcome: Outcome;
  submissionId: string | null;
  /** The listing it duplicates (its id only: the report never shows a listing's values). */
  duplicateOf: string | null;
}

export interface ImportReport {
  created: number;
  corrections: number;
  unchanged: number;
  invalid: number;
  records: RecordOutcome[];
  problems: ImportProblem[];
}

export class ImportFileError extends Error {
  constructor(
    readonly file: ImportFile,
    message: string,
    readonly key: 'importNotJson' | 'importNotArray' | 'importUnreadable',
  ) {
    super(message);
  }
}

/** A file's text as an array of records. */
export function parseFile(text: string, file: ImportFile): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // The parser quotes a few characters of the text: written out, they cannot be controls.
    const reason = printable((error as Error).message, 200);
    throw new ImportFileError(file, `${file}: not valid JSON (${reason}).`, 'importNotJson');
  }
  if (!Array.isArray(value))
    throw new ImportFileError(file, `${file}: a data·inclusion file is a JSON array of records.`, 'importNotArray');
  return value;
}

/** Key order does not change a record's digest. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

const digestOf = (structure: unknown, services: unknown[]) =>
  createHash('sha256')
    .update(JSON.stringify(canonical({ structure, services })))
    .digest('base64url');

/** Repère's field names as the record's (messages from the shared schemas name ours). */
const diField: Record<string, string> = {
  name: 'nom',
  description: 'description',
  siret: 'siret',
  phone: 'telephone',
  email: 'courriel',
  website: 'site_web',
  openingHours: 'horaires_accueil',
  accessibility: 'accessibilite_lieu',
  'address.street': 'adresse',
  'address.complement': 'complement_adresse',
  'address.postalCode': 'code_postal',
  'address.city': 'commune',
  'address.inseeCode': 'code_insee',
  location: 'latitude',
  ageMin: 'publics_precisions',
  ageMax: 'publics_precisions',
  servedDepartments: 'zone_eligibilite',
  services: 'thematiques',
};

const asDiField = (path: string) => diField[path.replace(/^changes\./, '')] ?? path;

/** A BAD_USER_INPUT from a check, as a problem on the record's field. */
function caught(error: unknown): FieldProblem {
  const extensions = (error as { extensions?: { code?: unknown; field?: unknown; key?: unknown; params?: unknown } })
    .extensions;
  if (extensions?.code !== 'BAD_USER_INPUT') throw error;
  const field = asDiField(typeof extensions.field === 'string' ? extensions.field : '');
  const message = (error as Error).message.replace(/^[\w.]+: /, '');
  // The check's own key and params, on the record's field (the catalogue's wording of it).
  const detail = isErrorKey(extensions.key)
    ? ({ key: extensions.key, params: { ...(extensions.params as object), field } } as ErrorDetail)
    : ({ key: 'invalidInput', params: { field } } as const);
  return { field, message, detail };
}

const matchedWords: Record<MatchedBy, string> = {
  ID: 'identifiant Repère',
  SOURCE: 'même fiche importée auparavant',
  SIRET: 'même SIRET',
  PHONE: 'même téléphone',
  NAME_NEARBY: 'même nom à moins de 200 m',
};

function commentOf(s: DiStructure, p: Proposed, by: MatchedBy | null): string {
  const parts = [`Import data·inclusion : source « ${s.source} », identifiant « ${s.id} ».`];
  if (by) parts.push(`Doublon probable (${matchedWords[by]}) : correction de la fiche.`);
  if (p.notes.length) parts.push(`À noter : ${p.notes.join(' ; ')}.`);
  return parts.join(' ').slice(0, 2000);
}

/** Which listing the record is about: its Repère id (our own export), an earlier import, or a duplicate. */
async function listingFor(db: Db, s: DiStructure, p: Proposed): Promise<{ id: string; by: MatchedBy } | null> {
  if (s.source === 'repere' && s.id.startsWith('repere--')) {
    let id: string | null = null;
    try {
      id = decodeId(s.id.slice('repere--'.length), 'Structure');
    } catch {
      id = null;
    }
    if (id && (await structureExists(db, id))) return { id, by: 'ID' };
  }
  const earlier = await listingOfSource(db, s.source, s.id);
  if (earlier) return { id: earlier, by: 'SOURCE' };
  return findDuplicate(db, { siret: p.siret, phone: p.phone, name: p.name ?? s.nom, location: p.location });
}

type Rec = Record<string, unknown>;

interface Entry {
  structure: DiStructure;
  services: DiService[];
  proposed: Proposed;
  digest: string;
}

type Stored = Omit<RecordOutcome, 'index' | 'sourceId'> | { problems: FieldProblem[] };

/** One record, in its own transaction: stored whole, or reported with its problems. */
async function importOne(db: Db, entry: Entry, submitterUserId: string | null): Promise<Stored> {
  const { structure: s, proposed: p, digest } = entry;
  return db.transaction(async (tx): Promise<Stored> => {
    const seen = await importedRecord(tx, s.source, s.id, digest);
    if (seen) return { outcome: 'UNCHANGED', submissionId: seen.id, duplicateOf: seen.structureId };
    const listing = await listingFor(tx, s, p);
    const record = { source: s.source, sourceId: s.id, sourceDigest: digest, submitterUserId };
    if (listing) {
      const row = await listingRow(tx, listing.id);
      const doc = await structureDocument(tx, listing.id);
      if (!row || !doc) throw new Error('duplicate listing vanished');
      const patch = correctionOf(p, row, doc);
      if (Object.keys(patch).length === 0) {
        return { outcome: 'UNCHANGED', submissionId: null, duplicateOf: listing.id };
      }
      try {
        await checkPatch(tx, patch);
      } catch (error) {
        return { problems: [caught(error)] };
      }
      const id = await insertImportedSubmission(tx, {
        ...record,
        kind: 'CORRECTION',
        structureId: listing.id,
        departmentCode: row.departmentCode,
        proposed: patch,
        base: baseOf(patch, doc),
        comment: commentOf(s, p, listing.by),
      });
      return { outcome: id ? 'CORRECTION' : 'UNCHANGED', submissionId: id, duplicateOf: listing.id };
    }
    const missing = newListingProblems(p);
    if (missing.length) return { problems: missing };
    const input = newListing(s, p);
    let departmentCode: string;
    try {
      departmentCode = (await checkInput(tx, { ...input, status: 'ONLINE' })).departmentCode;
    } catch (error) {
      return { problems: [caught(error)] };
    }
    const id = await insertImportedSubmission(tx, {
      ...record,
      kind: 'NEW_STRUCTURE',
      structureId: null,
      departmentCode,
      proposed: input,
      base: null,
      comment: commentOf(s, p, null),
    });
    return { outcome: id ? 'NEW_STRUCTURE' : 'UNCHANGED', submissionId: id, duplicateOf: null };
  });
}

/**
 * PostgreSQL refuses a NUL; no other control character (but line breaks and tabs) is text either.
 * The field may be any key of the caller's record (the schemas allow more): shown printable.
 */
function controlCharacterIn(record: object): FieldProblem | null {
  for (const [field, value] of Object.entries(record)) {
    const found = typeof value === 'string' ? forbiddenCharacter(value, { multiLine: true }) : null;
    if (found) {
      return problem(`contains a forbidden character (${found})`, 'forbiddenCharacter', {
        field: printable(field, 100),
        character: found,
      });
    }
  }
  return null;
}

/** Checks every record, groups services with their structure, and maps each structure. */
function prepare(structures: unknown[], services: unknown[], problems: ImportProblem[]) {
  const byStructure = new Map<string, { index: number; record: DiService }[]>();
  const badServices = new Map<string, number[]>();
  const key = (source: unknown, id: unknown) => `${String(source)}\u0000${String(id)}`;
  services.forEach((record, index) => {
    const found = checkService(record);
    const control = found.length === 0 && controlCharacterIn(record as object);
    if (control) found.push(control);
    const r = record as DiService;
    const k = record && typeof record === 'object' ? key(r.source, r.structure_id) : '';
    for (const f of found) problems.push({ file: 'services', index, ...f });
    if (found.length) badServices.set(k, [...(badServices.get(k) ?? []), index]);
    else byStructure.set(k, [...(byStructure.get(k) ?? []), { index, record: r }]);
  });
  const ids = new Map<string, number>();
  const entries: (Entry | FieldProblem[])[] = structures.map((record, index) => {
    const found = checkStructure(record);
    if (found.length) return found;
    const s = record as DiStructure;
    const k = key(s.source, s.id);
    const control = controlCharacterIn(s);
    if (control) return [control];
    const first = ids.get(k);
    if (first !== undefined) {
      return [problem(`already the id of structures[${first}]`, 'importDuplicateId', { field: 'id', index: first })];
    }
    ids.set(k, index);
    const bad = badServices.get(k);
    if (bad) {
      const index = bad[0] as number;
      return [
        problem(`its service services[${index}] is invalid`, 'importInvalidService', { field: 'services', index }),
      ];
    }
    const mine = (byStructure.get(k) ?? []).map((x) => x.record);
    const { proposed, problems: mapping } = toRepere(s, mine);
    // The values it brings, checked on their own (every field optional, as in a correction).
    const { notes: _notes, ...values } = proposed;
    const parsed = structurePatch.safeParse(values);
    const fields = parsed.success
      ? []
      : parsed.error.issues.map((i) => {
          const field = asDiField(i.path.join('.'));
          const { key, params } = issueDetail(i);
          return { field, message: i.message, detail: { key, params: { ...params, field } } as ErrorDetail };
        });
    if (mapping.length || fields.length) return [...mapping, ...fields];
    return { structure: s, services: mine, proposed, digest: digestOf(s, mine) };
  });
  // Services of no structure in the file are reported (their structure may be missing or misspelt).
  const named = new Set(
    structures.map((r) => (r && typeof r === 'object' ? key((r as Rec).source, (r as Rec).id) : '')),
  );
  for (const [k, list] of byStructure) {
    if (named.has(k)) continue;
    for (const { index } of list) {
      problems.push({
        file: 'services',
        index,
        ...problem('no structure with this id', 'importUnknownStructure', { field: 'structure_id' }),
      });
    }
  }
  return entries;
}

/**
 * Imports the records. `submitterUserId`: the moderator who runs it (null from the CLI).
 * `onProgress` is called after each structure.
 */
export async function importDataInclusion(
  db: Db,
  files: { structures: unknown[]; services: unknown[] },
  submitterUserId: string | null,
  onProgress: (done: number) => void = () => {},
): Promise<ImportReport> {
  const problems: ImportProblem[] = [];
  const entries = prepare(files.structures, files.services, problems);
  const report: ImportReport = { created: 0, corrections: 0, unchanged: 0, invalid: 0, records: [], problems };
  for (const [index, entry] of entries.entries()) {
    const sourceId = (files.structures[index] as { id?: unknown } | null)?.id;
    const base = { index, sourceId: typeof sourceId === 'string' ? sourceId : null };
    const stored = Array.isArray(entry) ? { problems: entry } : await importOne(db, entry, submitterUserId);
    if ('problems' in stored) {
      for (const p of stored.problems) problems.push({ file: 'structures', index, ...p });
      report.records.push({ ...base, outcome: 'INVALID', submissionId: null, duplicateOf: null });
      report.invalid++;
    } else {
      report.records.push({ ...base, ...stored });
      if (stored.outcome === 'NEW_STRUCTURE') report.created++;
      else if (stored.outcome === 'CORRECTION') report.corrections++;
      else report.unchanged++;
    }
    onProgress(index + 1);
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.index - b.index);
  return report;
}
