/**
 * Writing a class's reports: per submission under OUT/<submission>/ (results.json always, since
 * merge reads it; report.html, report.md, junit.xml, gradescope.json as --format asks), and for the
 * class under OUT/ (index.html, grades.csv, summary.json). Files are written atomically, and hold
 * no timestamps or absolute paths: a regrade writes the same bytes.
 */
import { mkdirSync } from 'fs';
import path from 'path';
import writeFileAtomic from 'write-file-atomic';
import type { SubmissionResults } from './results';
import type { Renderer } from './render';
import { summarise } from './summary';
import { toJUnit } from './junit';
import { toGradescope } from './gradescope';
import { toGradesCsv } from './gradebook';

export const FORMATS = ['html', 'md', 'json', 'junit', 'gradescope'] as const;
export type Format = (typeof FORMATS)[number];

export class FormatError extends Error {}

/** Parse `--format html,md,...`. */
export function parseFormats(text: string): Format[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = names.filter((n) => !(FORMATS as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0)
    throw new FormatError(`--format expects a comma-separated list of ${FORMATS.join(', ')}; got "${text}"`);
  return names as Format[];
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Write one submission's files; returns the folder. */
export function writeSubmission(
  out: string,
  results: SubmissionResults,
  formats: readonly Format[],
  renderer: Renderer,
): string {
  const dir = path.join(out, results.submission);
  mkdirSync(dir, { recursive: true });
  if (formats.includes('html')) writeFileAtomic.sync(path.join(dir, 'report.html'), renderer.reportHtml(results));
  if (formats.includes('md')) writeFileAtomic.sync(path.join(dir, 'report.md'), renderer.reportMd(results));
  if (formats.includes('junit')) writeFileAtomic.sync(path.join(dir, 'junit.xml'), toJUnit(results));
  if (formats.includes('gradescope'))
    writeFileAtomic.sync(path.join(dir, 'gradescope.json'), json(toGradescope(results)));
  // Last: its presence marks the submission finished for --resume (resume.ts).
  writeFileAtomic.sync(path.join(dir, 'results.json'), json(results));
  return dir;
}

/** Write the class's files from every submission's results. */
export function writeClass(out: string, all: readonly SubmissionResults[], renderer: Renderer): void {
  const summary = summarise(all);
  mkdirSync(out, { recursive: true });
  writeFileAtomic.sync(path.join(out, 'index.html'), renderer.indexHtml(summary));
  writeFileAtomic.sync(path.join(out, 'grades.csv'), toGradesCsv(summary));
  const { submissions: _rows, ...aggregate } = summary;
  writeFileAtomic.sync(path.join(out, 'summary.json'), json(aggregate));
}
