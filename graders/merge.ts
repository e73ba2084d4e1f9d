/**
 * Merging shards: `pymemlab grade --shard I/N` on N CI runners writes N output folders; merge
 * copies each submission's folder into one and writes the class files from every results.json,
 * validated against schemas/results.schema.json. The per-submission files are the bytes the shard
 * wrote, and the class files are computed exactly as an unsharded run computes them.
 */
import { cpSync, existsSync, readFileSync } from 'fs';
import path from 'path';
import Ajv from 'ajv';
import { globSync } from 'glob';
import { RUN_FILE, type SubmissionResults } from './results';
import type { Renderer } from './render';
import { writeClass } from './outputs';
import { kitPath } from '../core/kit-root';
import writeFileAtomic from 'write-file-atomic';

export class MergeError extends Error {}

const SCHEMA_FILE = kitPath('schemas', 'results.schema.json');

let validator: ReturnType<Ajv['compile']> | null = null;

/** Parse and validate one results.json; an invalid file names itself and the field. */
export function readResults(file: string): SubmissionResults {
  validator ??= new Ajv({ allErrors: false }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MergeError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (!validator(data)) {
    const e = validator.errors![0]!;
    throw new MergeError(`${file}: ${e.instancePath || '(top level)'} ${e.message ?? 'is invalid'}`);
  }
  return data as SubmissionResults;
}

/** Merge shard folders into `out`; a submission present in two shards is refused. */
export function mergeShards(dirs: readonly string[], out: string, renderer: Renderer): SubmissionResults[] {
  const seen = new Map<string, string>();
  const all: SubmissionResults[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new MergeError(`merge: ${dir}: no such folder`);
    const files = globSync('*/results.json', { cwd: dir }).sort();
    if (files.length === 0) throw new MergeError(`merge: ${dir}: no <submission>/results.json inside`);
    for (const file of files) {
      const results = readResults(path.join(dir, file));
      const other = seen.get(results.submission);
      if (other !== undefined)
        throw new MergeError(`merge: submission "${results.submission}" is in both ${other} and ${dir}`);
      seen.set(results.submission, dir);
      const from = path.join(dir, path.dirname(file));
      const to = path.join(out, results.submission);
      if (path.resolve(from) !== path.resolve(to)) cpSync(from, to, { recursive: true });
      all.push(results);
    }
  }
  copyRunFile(dirs, out);
  writeClass(out, all, renderer);
  return all;
}

/**
 * The shards of one class were graded with the same options, so their run.json files are equal:
 * the merged folder gets that one (a later --resume of it checks its options), and shards graded
 * differently are refused rather than merged into results that no single run would give.
 */
function copyRunFile(dirs: readonly string[], out: string): void {
  const texts = dirs
    .map((dir) => path.join(dir, RUN_FILE))
    .filter(existsSync)
    .map((f) => readFileSync(f, 'utf8'));
  if (texts.length === 0) return;
  if (texts.length !== dirs.length || texts.some((t) => t !== texts[0]))
    throw new MergeError(`merge: the shards were not graded with the same options (compare their ${RUN_FILE})`);
  writeFileAtomic.sync(path.join(out, RUN_FILE), texts[0]!);
}
