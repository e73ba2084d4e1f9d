/**
 * `pymemlab run --html OUT.html FILE.py` and `pymemlab demo --html DIR`: record a program step by
 * step and write the self-contained step-through page (viz/). Errors the user can fix end with one
 * line and exit status 2; the program's own errors are part of the page, as its output is.
 */
import { mkdirSync, readFileSync } from 'fs';
import path from 'path';
import writeFileAtomic from 'write-file-atomic';
import { runProgram } from '../python/interp/run';
import { decodeSource, SourceEncodingError } from '../python/lang/source-encoding';
import { StepRecorder } from '../viz/recorder';
import { stepThroughPage } from '../viz/html';
import { escapeXml } from '../core/pymalloc/picture';

/** A mistake in the command line or the file system, reported as `pymemlab: <message>`. */
class HtmlCommandError extends Error {}

export interface HtmlOptions {
  readonly maxSteps?: number;
  readonly maxRecordedSteps?: number;
}

/** The source decoded as CPython decodes it; an undecodable file throws SourceEncodingError (main reports it). */
function readSource(file: string): string {
  try {
    return decodeSource(readFileSync(file), path.resolve(file));
  } catch (error) {
    if (error instanceof SourceEncodingError) throw error;
    throw new HtmlCommandError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function write(out: string, text: string): void {
  try {
    writeFileAtomic.sync(out, text);
  } catch (error) {
    throw new HtmlCommandError(`${out}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** Record `file` and write its page to `out`; returns the program's exit status. */
function recordPage(
  file: string,
  out: string,
  options: HtmlOptions,
): { stdout: string; stderr: string; exitCode: number; steps: number; truncated: boolean } {
  const source = readSource(file);
  const recorder = new StepRecorder(options.maxRecordedSteps);
  const result = runProgram(source, file, { maxSteps: options.maxSteps, observer: recorder });
  const recording = recorder.recording(file, source, result);
  write(out, stepThroughPage(recording));
  return { ...result, steps: recording.steps.length, truncated: recording.truncated !== null };
}

/** Report a user error as one line; anything else is the caller's to report. */
function reporting(action: () => void): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof HtmlCommandError)) throw error;
    process.stderr.write(`pymemlab: ${error.message}\n`);
    process.exitCode = 2;
  }
}

/** `run --html OUT.html FILE.py`: the program's stdout and stderr are printed as `run` prints them. */
export function runHtmlCommand(file: string, out: string, options: HtmlOptions): void {
  reporting(() => {
    const page = recordPage(file, out, options);
    process.stdout.write(page.stdout);
    process.stderr.write(page.stderr);
    process.stderr.write(
      `pymemlab: wrote ${out} (${page.steps} steps${page.truncated ? `, stopped at the cap; raise it with --max-recorded-steps` : ''})\n`,
    );
    process.exitCode = page.exitCode;
  });
}

/** `demo --html DIR`: one page per teaching program, and an index linking them. */
export function demoHtmlCommand(programs: readonly string[], dir: string, options: HtmlOptions): void {
  reporting(() => {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new HtmlCommandError(
        `${dir}: cannot create the folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    }
    const entries: string[] = [];
    for (const file of programs) {
      const name = `${path.basename(file, '.py')}.html`;
      recordPage(file, path.join(dir, name), options);
      const summary = readSource(file)
        .split('\n')
        .find((l) => l.startsWith('#'));
      entries.push(
        `<li><a href="${escapeXml(encodeURI(name))}">${escapeXml(path.basename(file))}</a> — ${escapeXml((summary ?? '').replace(/^#\s*/, ''))}</li>`,
      );
    }
    write(
      path.join(dir, 'index.html'),
      `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>pymemlab: the teaching programs, step by step</title>` +
        `<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;color:#263238}a{color:#1565c0}</style></head>` +
        `<body><h1>pymemlab: the teaching programs, step by step</h1><p>Each page steps through one program on a simulated CPython 3.11: frames, heap objects with refcounts and generations, the cycle collector stage by stage, and pymalloc.</p><ul>${entries.join('\n')}</ul></body></html>\n`,
    );
    process.stderr.write(`pymemlab: wrote ${programs.length} pages and index.html to ${dir}\n`);
  });
}
