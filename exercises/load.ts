/**
 * Reading exercise metadata: every exercise.json is validated against schema.json when it is
 * loaded, and a bad one is reported with its file and the field at fault.
 */
import { readFileSync } from 'fs';
import Ajv, { type ValidateFunction } from 'ajv';
import schema from './schema.json';
import type { ExerciseMeta } from './types';

/** Metadata that does not satisfy the schema; the message names the file and the field. */
export class ExerciseMetaError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field === '' ? '(top level)' : field}: ${detail}`);
    this.name = 'ExerciseMetaError';
  }
}

/** Compiled on first use, not at import: a command that reads no metadata (`grade --help`) skips ajv's compile. */
let validator: ValidateFunction<ExerciseMeta> | null = null;

/** Parse and validate metadata text; `file` is only used in error messages. */
export function parseExerciseMeta(text: string, file: string): ExerciseMeta {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ExerciseMetaError(file, '', `not valid JSON (${(error as Error).message})`);
  }
  const validate = (validator ??= new Ajv({ allErrors: false, useDefaults: true }).compile<ExerciseMeta>(schema));
  if (!validate(data)) {
    const e = validate.errors![0];
    const field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const extra = e.keyword === 'additionalProperties' ? ` "${String(e.params.additionalProperty)}"` : '';
    const allowed = e.keyword === 'enum' ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : '';
    throw new ExerciseMetaError(file, field, `${e.message ?? 'is invalid'}${extra}${allowed}`);
  }
  checkCrossReferences(data, file);
  return data;
}

/** What a schema cannot say: check names are unique and gates name correctness checks. */
function checkCrossReferences(meta: ExerciseMeta, file: string): void {
  const names = new Set<string>();
  meta.checks.forEach((check, i) => {
    if (names.has(check.name)) throw new ExerciseMetaError(file, `checks.${i}.name`, `duplicate check "${check.name}"`);
    names.add(check.name);
  });
  meta.checks.forEach((check, i) => {
    for (const gate of check.gatedBy ?? []) {
      const target = meta.checks.find((c) => c.name === gate);
      if (target === undefined || (target.kind ?? 'correctness') !== 'correctness')
        throw new ExerciseMetaError(
          file,
          `checks.${i}.gatedBy`,
          `"${gate}" is not a correctness check of this exercise`,
        );
    }
  });
  if (!meta.api.module.endsWith(`/${meta.id}/api`))
    throw new ExerciseMetaError(file, 'api.module', `must be pymemlab/exercises/${meta.id}/api`);
}

/** Read and validate one exercise.json. */
export function loadExerciseMeta(file: string): ExerciseMeta {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ExerciseMetaError(file, '', `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseExerciseMeta(text, file);
}
