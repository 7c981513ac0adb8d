// The data·inclusion v1 JSON Schemas (api/reference, copied unchanged from the standard, Licence
// Ouverte 2.0), compiled once: every record is checked against them before it is mapped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorDetail } from '@repere/shared/errors';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { repoRoot } from '../../paths.ts';
import type { FieldProblem } from './mapping.ts';

let compiled: { structure: ValidateFunction; service: ValidateFunction } | undefined;

function validators() {
  if (compiled) return compiled;
  const schema = (name: string) =>
    JSON.parse(readFileSync(join(repoRoot, 'api', 'reference', 'data-inclusion-v1', `${name}.json`), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  compiled = { structure: ajv.compile(schema('structure')), service: ajv.compile(schema('service')) };
  return compiled;
}

/** The record's field each error is about, and the schema's words (never the value itself). */
function problemsOf(errors: ErrorObject[] | null | undefined): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const e of errors ?? []) {
    const at = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const field = e.keyword === 'required' ? String(e.params.missingProperty) : at || '(record)';
    // anyOf repeats each branch's error: one line per field is enough (the first, most precise).
    const top = field.split('.')[0] as string;
    if (seen.has(top)) continue;
    seen.add(top);
    problems.push({
      field,
      message: e.keyword === 'anyOf' ? 'not a value this field takes' : (e.message ?? 'invalid'),
      detail: detailOf(e, field),
    });
  }
  return problems;
}

/** An ajv error as a catalogue key; its params are the schema's words and limits only. */
function detailOf(e: ErrorObject, field: string): ErrorDetail {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { key: 'required', params: { field } };
    case 'enum':
      return { key: 'invalidValue', params: { field, options: (p.allowedValues as unknown[]).map(String) } };
    case 'format':
      return p.format === 'email'
        ? { key: 'email', params: { field } }
        : { key: 'invalidFormat', params: { field, format: String(p.format) } };
    case 'minLength':
      return { key: 'atLeast', params: { field, min: Number(p.limit) } };
    case 'maxLength':
      return { key: 'atMost', params: { field, max: Number(p.limit) } };
    case 'minItems':
      return { key: 'tooFew', params: { field, min: Number(p.limit) } };
    case 'maxItems':
      return { key: 'tooMany', params: { field, max: Number(p.limit) } };
    case 'minimum':
      return { key: 'tooSmall', params: { field, min: Number(p.limit) } };
    case 'maximum':
      return { key: 'tooLarge', params: { field, max: Number(p.limit) } };
    case 'type':
      return { key: 'invalidType', params: { field, expected: String(p.type) } };
    default:
      return { key: 'invalidInput', params: { field } };
  }
}

export function checkStructure(record: unknown): FieldProblem[] {
  const valid = validators().structure;
  return valid(record) ? [] : problemsOf(valid.errors);
}

export function checkService(record: unknown): FieldProblem[] {
  const valid = validators().service;
  return valid(record) ? [] : problemsOf(valid.errors);
}
