/**
 * The instructor's configuration: `pymemlab.config.json` (or `.js`, for comments and computed
 * values) overrides points and visibility of checks and the grading defaults. Validated against a
 * JSON schema with ajv; an error names the file and the field and says what was expected.
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { GradedExercise, Visibility } from './exercise';

export interface CheckOverride {
  readonly points?: number;
  readonly visibility?: Visibility;
}

export interface GraderConfig {
  readonly seed?: number;
  readonly runs?: number;
  readonly timeoutMs?: number;
  readonly memoryMb?: number;
  readonly jobs?: number;
  readonly exercises?: Readonly<Record<string, { readonly checks?: Readonly<Record<string, CheckOverride>> }>>;
}

export class ConfigError extends Error {}

const positiveInt = { type: 'integer', minimum: 1 };

export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    seed: { type: 'integer', minimum: 0 },
    runs: positiveInt,
    timeoutMs: positiveInt,
    memoryMb: { type: 'integer', minimum: 16 },
    jobs: positiveInt,
    exercises: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          checks: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              additionalProperties: false,
              properties: { points: { type: 'number', minimum: 0 }, visibility: { enum: ['visible', 'hidden'] } },
            },
          },
        },
      },
    },
  },
} as const;

/** Compiled on first use, not at import: `grade --help` and a run without a configuration skip ajv's compile. */
let validator: ValidateFunction<GraderConfig> | null = null;

/** One ajv error as "field: what was expected". */
function describe(error: ErrorObject): string {
  const field = error.instancePath === '' ? '(top level)' : error.instancePath.slice(1).replace(/\//g, '.');
  if (error.keyword === 'additionalProperties')
    return `${field === '(top level)' ? '' : field + '.'}${String(error.params.additionalProperty)}: unknown field`;
  if (error.keyword === 'enum')
    return `${field}: must be one of ${(error.params.allowedValues as string[]).join(', ')}`;
  return `${field}: ${error.message ?? 'invalid'}`;
}

/** The 1-based line of a character offset, for JSON syntax errors. */
function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function parseJsonConfig(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? `:${lineOf(text, Number(position[1]))}` : '';
    throw new ConfigError(`${file}${where}: not valid JSON (${message})`);
  }
}

/** Load and validate a configuration file; `null` when none is given and none is in `cwd`. */
export function loadConfig(file: string | undefined, cwd = process.cwd()): GraderConfig | null {
  const found =
    file ?? ['pymemlab.config.json', 'pymemlab.config.js'].map((f) => path.join(cwd, f)).find((f) => existsSync(f));
  if (found === undefined) return null;
  if (!existsSync(found)) throw new ConfigError(`${found}: no such configuration file`);
  const data: unknown = found.endsWith('.js') ? require(path.resolve(found)) : parseJsonConfig(found);
  const validate = (validator ??= new Ajv({ allErrors: false }).compile<GraderConfig>(CONFIG_SCHEMA));
  if (!validate(data)) throw new ConfigError(`${found}: ${validate.errors!.map(describe).join('; ')}`);
  return data;
}

/** Apply the overrides to the exercises; an override naming an unknown exercise or check is an error. */
export function applyConfig(
  exercises: readonly GradedExercise[],
  config: GraderConfig | null,
  file = 'configuration',
): GradedExercise[] {
  const overrides = config?.exercises ?? {};
  for (const [id, entry] of Object.entries(overrides)) {
    const exercise = exercises.find((e) => e.id === id);
    if (!exercise) throw new ConfigError(`${file}: exercises.${id}: no such exercise`);
    for (const name of Object.keys(entry.checks ?? {}))
      if (!exercise.checks.some((c) => c.name === name))
        throw new ConfigError(`${file}: exercises.${id}.checks.${name}: no such check in ${id}`);
  }
  return exercises.map((exercise) => {
    const checks = overrides[exercise.id]?.checks ?? {};
    return {
      ...exercise,
      replayCommand: exercise.replayCommand.bind(exercise),
      checks: exercise.checks.map((check) => {
        const override = checks[check.name];
        return override ? { ...check, run: check.run.bind(check), ...override } : check;
      }),
    };
  });
}
