/**
 * Finding submissions: every folder matched by the instructor's glob patterns is one submission,
 * named by its folder name. Sorted by name so that shards, seeds and outputs never depend on the
 * order the file system lists folders in.
 */
import { statSync } from 'fs';
import path from 'path';
import { globSync } from 'glob';

export interface Submission {
  /** The folder's base name: the key of reports, grade rows and the per-submission seed. */
  readonly name: string;
  readonly dir: string;
}

export class DiscoverError extends Error {}

/** Every folder the patterns match, once each, sorted by name; two folders with one name are refused. */
export function discoverSubmissions(patterns: readonly string[], cwd = process.cwd()): Submission[] {
  const dirs = new Set<string>();
  for (const pattern of patterns) {
    const matches = globSync(pattern, { cwd, absolute: true }).filter((p) => statSync(p).isDirectory());
    if (matches.length === 0) throw new DiscoverError(`no submission folder matches "${pattern}"`);
    for (const dir of matches) dirs.add(path.resolve(dir));
  }
  const byName = new Map<string, string>();
  for (const dir of dirs) {
    const name = path.basename(dir);
    const other = byName.get(name);
    if (other !== undefined) throw new DiscoverError(`two submissions are named "${name}" (${other} and ${dir})`);
    byName.set(name, dir);
  }
  return [...byName]
    .map(([name, dir]) => ({ name, dir }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A slice of a class for one CI runner: `I/N` with 1 ≤ I ≤ N. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parse `--shard I/N`. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count)
    throw new DiscoverError(`--shard expects I/N with 1 ≤ I ≤ N (e.g. 2/4), got "${text}"`);
  return { index, count };
}

/** Round-robin over the sorted class, so shards stay balanced and every submission lands in exactly one. */
export function selectShard<T>(items: readonly T[], shard: Shard): T[] {
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}
