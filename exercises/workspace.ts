/**
 * A student workspace: one folder per exercise holding its README and the student's file(s), a
 * package.json and a tsconfig.json with which an editor resolves every type from this kit (no
 * install, so it works offline), and the student's progress in `.pymemlab/progress.json`.
 */
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync, renameSync } from 'fs';
import path from 'path';
import type { Exercise } from './types';
import { workspaceCompilerOptions } from './typecheck';
import { kitPath } from '../core/kit-root';

/** The kit's root folder (this checkout, or an unpacked `npm pack` tarball). */

export const MARKER = path.join('.pymemlab', 'workspace.json');
const PROGRESS = path.join('.pymemlab', 'progress.json');

/** A workspace problem the student can fix: printed as is. */
export class WorkspaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

export type Status = 'done' | 'failing' | 'not started';

/** What the workspace remembers per exercise. */
export interface ExerciseProgress {
  readonly status: 'done' | 'failing';
  /** Hints shown so far (`pymemlab hint` shows the next one). */
  readonly hintsShown?: number;
}

export type Progress = Record<string, Partial<ExerciseProgress>>;

/** Write a file through a temporary name and a rename, so a crash never leaves half a file. */
function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** The student's files of an exercise in a workspace (or a submission folder with the same layout). */
export function studentFiles(root: string, exercise: Exercise): string[] {
  return exercise.meta.studentFiles.map((f) => path.join(root, exercise.meta.id, f.file));
}

/** Create a workspace in `dir` (which must not exist or be empty) with every exercise's starter. */
export function initWorkspace(dir: string, all: readonly Exercise[]): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new WorkspaceError(`init: ${dir} exists and is not empty`);
  mkdirSync(path.join(dir, '.pymemlab'), { recursive: true });
  for (const exercise of all) {
    const target = path.join(dir, exercise.meta.id);
    mkdirSync(target, { recursive: true });
    copyFileSync(path.join(exercise.dir, 'README.md'), path.join(target, 'README.md'));
    for (const f of exercise.meta.studentFiles)
      copyFileSync(path.join(exercise.dir, 'starter', f.file), path.join(target, f.file));
  }
  const cli = kitPath('bin', 'pymemlab.js');
  const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
  writeFileSync(
    path.join(dir, 'package.json'),
    json({
      name: 'pymemlab-workspace',
      private: true,
      description: 'My solutions to the pymemlab exercises',
      scripts: {
        list: `node ${JSON.stringify(cli)} list`,
        check: `node ${JSON.stringify(cli)} check`,
        watch: `node ${JSON.stringify(cli)} watch`,
        hint: `node ${JSON.stringify(cli)} hint`,
      },
      devDependencies: { pymemlab: `file:${kitPath()}` },
    }),
  );
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    json({ compilerOptions: workspaceCompilerOptions(), include: all.map((e) => `${e.meta.id}/*.ts`) }),
  );
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n.pymemlab/*.tmp\n');
  writeFileSync(path.join(dir, MARKER), json({ kit: kitPath(), exercises: all.map((e) => e.meta.id) }));
  writeFileSync(path.join(dir, PROGRESS), json({}));
}

/** The workspace that contains `from` (searching upwards), or an error saying how to make one. */
export function findWorkspace(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, MARKER))) return dir;
    if (path.dirname(dir) === dir)
      throw new WorkspaceError(
        `not inside a pymemlab workspace (no ${MARKER} here or above); make one with: pymemlab init DIR`,
      );
  }
}

export function readProgress(root: string): Progress {
  const file = path.join(root, PROGRESS);
  if (!existsSync(file)) return {};
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not an object');
    return data as Progress;
  } catch (error) {
    throw new WorkspaceError(
      `${file}: not valid progress data (${(error as Error).message}); delete it to start afresh`,
    );
  }
}

export function updateProgress(root: string, id: string, change: Partial<ExerciseProgress>): void {
  const progress = readProgress(root);
  progress[id] = { ...progress[id], ...change };
  writeAtomic(path.join(root, PROGRESS), JSON.stringify(progress, null, 2) + '\n');
}

const digest = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** done / failing from the last check; otherwise "not started" (the files are still the starter's). */
export function exerciseStatus(root: string, exercise: Exercise, progress: Progress): Status {
  const recorded = progress[exercise.meta.id]?.status;
  if (recorded !== undefined) return recorded;
  const changed = exercise.meta.studentFiles.some((f) => {
    const mine = path.join(root, exercise.meta.id, f.file);
    return existsSync(mine) && digest(mine) !== digest(path.join(exercise.dir, 'starter', f.file));
  });
  return changed ? 'failing' : 'not started';
}

/** The exercise to work on: the first one not done. */
export function currentExercise(root: string, all: readonly Exercise[]): Exercise | null {
  const progress = readProgress(root);
  return all.find((e) => exerciseStatus(root, e, progress) !== 'done') ?? null;
}

/** The hints of an exercise, from hints.md (`## Hint 1` ...). */
export function readHints(exercise: Exercise): string[] {
  const text = readFileSync(path.join(exercise.dir, 'hints.md'), 'utf8');
  return text
    .split(/^## Hint \d+\s*$/m)
    .slice(1)
    .map((h) => h.trim());
}
