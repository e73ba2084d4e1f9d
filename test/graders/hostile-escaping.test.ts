/**
 * Untrusted strings in every output format. A submission named with HTML, Markdown, Mermaid and
 * spreadsheet-formula injections, whose error messages carry them too, is graded beside the
 * correct sample; then each output is read the way its consumer reads it: the HTML pages in
 * headless Chromium (nothing runs, nothing is injected, the text is shown as text), report.md
 * through a Markdown renderer (no raw HTML, no javascript: link, tables keep their columns), its
 * Mermaid blocks line by line (no label closes its quotes), grades.csv through a CSV parser (every
 * row has the header's columns, no cell a spreadsheet would evaluate).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import MarkdownIt from 'markdown-it';
import { parse } from 'csv-parse/sync';
import { gradeClass } from '../../graders/grade-class';
import { createRenderer } from '../../graders/render';
import { FORMATS } from '../../graders/outputs';
import { CORPUS, CORPUS_LIMITS, CORPUS_RUNS, CORPUS_SEED, EXERCISES } from './hostile-corpus';

/** A folder name that is every injection at once (no slash: it must be a valid file name). */
const NAME = `=cmd|' -C calc'!A0 <img src=x onerror="window.__pwned=4"> [x](javascript:alert(1)) "]; click`;

describe('untrusted strings are escaped in every output format', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pymemlab-escaping-'));
  const out = path.join(tmp, 'out');
  let browser: Browser;

  beforeAll(async () => {
    cpSync(path.join(CORPUS, 'injection'), path.join(tmp, 'class', NAME), { recursive: true });
    cpSync(path.join(CORPUS, 'correct'), path.join(tmp, 'class', 'correct'), { recursive: true });
    await gradeClass(
      [NAME, 'correct'].map((name) => ({ name, dir: path.join(tmp, 'class', name) })),
      EXERCISES,
      {
        seed: CORPUS_SEED,
        runs: CORPUS_RUNS,
        limits: CORPUS_LIMITS,
        jobs: 2,
        out,
        formats: [...FORMATS],
        renderer: createRenderer(),
      },
    );
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  test.each([path.join(NAME, 'report.html'), 'index.html'])(
    '%s runs no injected script and shows the injected text as text',
    async (file) => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`file://${path.join(out, file)}`);
      await page.waitForLoadState('load');
      expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
      expect(await page.locator('img[onerror], a[href^="javascript:"]').count()).toBe(0);
      const scripts = await page.locator('script').allTextContents();
      expect(scripts.filter((s) => s.includes('__pwned'))).toEqual([]);
      expect(await page.locator('body').innerText()).toContain('onerror="window.__pwned=4"');
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );

  test('report.md renders without raw HTML or javascript: links, and its tables keep their columns', () => {
    const markdown = readFileSync(path.join(out, NAME, 'report.md'), 'utf8');
    const md = new MarkdownIt({ html: true, linkify: true });
    const html = md.render(markdown);
    expect(html).not.toMatch(/<(script|img)\b/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('__pwned');
    const tokens = md.parse(markdown, {});
    let columns = -1;
    let cells = 0;
    for (const token of tokens) {
      if (token.type === 'table_open') columns = -1;
      if (token.type === 'tr_open') cells = 0;
      if (token.type === 'th_open' || token.type === 'td_open') cells++;
      if (token.type === 'tr_close') {
        if (columns === -1) columns = cells;
        expect(cells).toBe(columns);
      }
    }
    expect(columns).toBeGreaterThan(0);
  });

  test('the Mermaid blocks of report.md hold only escaped labels', () => {
    const markdown = readFileSync(path.join(out, NAME, 'report.md'), 'utf8');
    const blocks = [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    const line =
      /^(flowchart LR|  r\d+\(\["[^"<>]*"\]\) --> o\d+|  o\d+\["[^"<>]*<br\/>[^"<>]*"\]|  o\d+ --> o\d+|  class o\d+ leaked|  classDef leaked [^"<>]*)$/;
    for (const block of blocks) for (const text of block.split('\n')) expect(text).toMatch(line);
  });

  test('grades.csv parses to whole rows, and no cell starts a formula', () => {
    const rows = parse(readFileSync(path.join(out, 'grades.csv'), 'utf8')) as string[][];
    expect(rows.length).toBe(3);
    for (const row of rows) {
      expect(row.length).toBe(rows[0]!.length);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(rows.map((r) => r[0])).toContain(`'${NAME}`);
  });
});
