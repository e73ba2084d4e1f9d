/**
 * Rendering reports from Handlebars templates (templates/, or an instructor's copies given with
 * --templates). Two isolated environments (Handlebars.create()): HTML, where every `{{value}}` is
 * HTML-escaped and only our own SVG passes as a SafeString; Markdown, compiled with noEscape and
 * given escaping helpers (md, fence, mermaid) that templates must use on every value.
 * Templates are code: they come from the kit or the instructor, never from a submission.
 */
import { readFileSync } from 'fs';
import path from 'path';
import Handlebars from 'handlebars';
import { globSync } from 'glob';
import { renderHeapSvg, type Highlight } from '../viz/heap-picture';
import type { HeapSnapshot } from '../core/snapshot';
import type { SubmissionResults } from './results';
import type { ClassSummary } from './summary';
import { escapeMarkdown, markdownFence } from './escape';
import { heapToMermaid } from './mermaid';
import { heapFocus } from './heap-focus';
import { kitPath } from '../core/kit-root';

export const DEFAULT_TEMPLATES = kitPath('templates');

export class TemplateError extends Error {}

/** The heap picture of a failure: the objects heap-focus.ts picks, unreachable ones marked as leaked. */
function heapPicture(heap: HeapSnapshot, title: string): string {
  const { include, leaked } = heapFocus(heap);
  const highlights: Record<number, Highlight> = Object.fromEntries(leaked.map((id) => [id, 'leaked' as const]));
  return renderHeapSvg(heap, { include, highlights, title, runtimeRoots: true });
}

/** Helpers shared by both environments (they compute, they never emit markup). */
function registerCommon(hb: typeof Handlebars): void {
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('percentOf', (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : 0));
  hb.registerHelper('inc', (n: number) => n + 1);
  hb.registerHelper('isFailingStep', (i: number, failing: number | null) => i === failing);
}

function htmlEnvironment(): typeof Handlebars {
  const hb = Handlebars.create();
  registerCommon(hb);
  hb.registerHelper('heapSvg', (heap: HeapSnapshot, title: string) => new hb.SafeString(heapPicture(heap, title)));
  return hb;
}

function markdownEnvironment(): typeof Handlebars {
  const hb = Handlebars.create();
  registerCommon(hb);
  hb.registerHelper('md', (text: unknown) => escapeMarkdown(String(text ?? '')));
  hb.registerHelper('fence', (text: unknown, info: unknown) =>
    markdownFence(Array.isArray(text) ? text.join('\n') : String(text ?? ''), typeof info === 'string' ? info : ''),
  );
  hb.registerHelper('mermaid', (heap: HeapSnapshot) => markdownFence(heapToMermaid(heap), 'mermaid'));
  return hb;
}

type Template = (context: object) => string;

/** Read a template and its folder's partials into `hb`; a missing or broken file names itself. */
function loadTemplates(hb: typeof Handlebars, dir: string, names: readonly string[], options: CompileOptions) {
  for (const file of globSync('partials/*.hbs', { cwd: dir }).sort())
    hb.registerPartial(path.basename(file, '.hbs'), readTemplate(dir, file));
  return Object.fromEntries(
    names.map((name) => {
      const source = readTemplate(dir, name);
      try {
        return [name, hb.compile(source, { strict: true, ...options }) as Template];
      } catch (error) {
        throw new TemplateError(`${path.join(dir, name)}: ${(error as Error).message}`);
      }
    }),
  );
}

type CompileOptions = { noEscape?: boolean };

function readTemplate(dir: string, name: string): string {
  try {
    return readFileSync(path.join(dir, name), 'utf8');
  } catch {
    throw new TemplateError(`${path.join(dir, name)}: template not found`);
  }
}

/** Run a compiled template; a template that names a missing field fails with its file name. */
function run(template: Template, name: string, dir: string, context: object): string {
  try {
    return template(context);
  } catch (error) {
    throw new TemplateError(`${path.join(dir, name)}: ${(error as Error).message}`);
  }
}

/** The view a report template sees: the results, with hidden checks' counterexamples withheld. */
export function reportView(results: SubmissionResults) {
  return {
    ...results,
    exercises: results.exercises.map((e) => ({
      ...e,
      checks: e.checks.map((c) => ({
        ...c,
        passed: c.status === 'pass',
        hiddenFailure: c.visibility === 'hidden' && c.status !== 'pass',
        failure: c.visibility === 'hidden' ? null : c.failure,
        replay: c.visibility === 'hidden' ? null : c.replay,
      })),
    })),
  };
}

export interface Renderer {
  reportHtml(results: SubmissionResults): string;
  reportMd(results: SubmissionResults): string;
  indexHtml(summary: ClassSummary): string;
}

/** Compile the templates of `dir` once; render any number of reports with them. */
export function createRenderer(dir = DEFAULT_TEMPLATES): Renderer {
  const html = loadTemplates(htmlEnvironment(), dir, ['report.html.hbs', 'index.html.hbs'], {});
  const md = loadTemplates(markdownEnvironment(), path.join(dir), ['report.md.hbs'], { noEscape: true });
  return {
    reportHtml: (results) => run(html['report.html.hbs']!, 'report.html.hbs', dir, reportView(results)),
    reportMd: (results) => run(md['report.md.hbs']!, 'report.md.hbs', dir, reportView(results)),
    indexHtml: (summary) => run(html['index.html.hbs']!, 'index.html.hbs', dir, summary),
  };
}
