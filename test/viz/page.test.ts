/**
 * The step-through page in a real browser (Debian's chromium driven by playwright-core): pages
 * written by the pymemlab command, stepped with the keyboard, read back from the DOM.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from '../support/chromium';
import type { Recording } from '../../viz/recording';
import { stepThroughPage } from '../../viz/html';
import { decodeRecording, type EmbeddedRecording } from '../../viz/recording-codec';
import { ALL_PROGRAMS, AT_SCALE, PROGRAMS, record, ROOT, traceMismatches, traceSteps } from './support';

const OUT = mkdtempSync(path.join(os.tmpdir(), 'pymemlab-viz-'));

/** Run the pymemlab command as users do. */
function pymemlab(...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'bin', 'pymemlab.js'), ...args], { encoding: 'utf8', cwd: ROOT });
}

let browser: Browser;

/** A page with its console errors and uncaught exceptions collected. */
async function open(file: string, fragment = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`file://${file}${fragment}`);
  await page.waitForSelector('body[data-step]');
  return { page, errors };
}

const embedded = async (page: Page): Promise<Recording> =>
  decodeRecording(await page.$eval('#recording', (e) => JSON.parse(e.textContent!) as EmbeddedRecording));

/** The highlighted line and the refcount drawn in each object box (ghosts of freed objects aside). */
function drawn(page: Page): Promise<{ line: number | null; refcounts: [number, number][]; step: number }> {
  return page.evaluate(() => {
    const current = document.querySelector<HTMLElement>('.line.current');
    const refcounts: [number, number][] = [];
    for (const g of Array.from(document.querySelectorAll<SVGGElement>('#heap g.object[data-id]'))) {
      if (g.dataset.highlight === 'freed') continue;
      const m = /refcount (\d+)/.exec(g.textContent ?? '');
      if (m !== null) refcounts.push([Number(g.dataset.id), Number(m[1])]);
    }
    return {
      line: current === null ? null : Number(current.dataset.line),
      refcounts,
      step: Number(document.body.dataset.step),
    };
  });
}

/** Press a key and wait for the page to draw another step or view. */
/** Write the program `name`.py and its page `name`.html (recorded in this process); the recording. */
function writePage(name: string, lines: readonly string[]): Recording {
  const program = path.join(OUT, `${name}.py`);
  writeFileSync(program, lines.join('\n') + '\n');
  const recording = record(program);
  writeFileSync(path.join(OUT, `${name}.html`), stepThroughPage(recording));
  return recording;
}

async function press(page: Page, key: string): Promise<void> {
  const before = await page.evaluate(() => `${document.body.dataset.step} ${document.body.dataset.view}`);
  await page.keyboard.press(key);
  await page.waitForFunction((b) => `${document.body.dataset.step} ${document.body.dataset.view}` !== b, before);
}

describeInBrowser('the browser tests of the step-through page')('the step-through page in chromium', () => {
  beforeAll(async () => {
    const demo = pymemlab('demo', '--html', OUT);
    expect(demo.stderr).toContain('wrote');
    expect(demo.status).toBe(0);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('demo --html writes an index linking one page per teaching program', async () => {
    const { page, errors } = await open(path.join(OUT, 'index.html')).catch(async () => {
      // The index has no step: open it plainly.
      const p = await browser.newPage();
      await p.goto(`file://${path.join(OUT, 'index.html')}`);
      return { page: p, errors: [] as string[] };
    });
    const links = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(ALL_PROGRAMS.map((f) => `${path.basename(f, '.py')}.html`));
    expect(errors).toEqual([]);
    await page.close();
  });

  test.each(PROGRAMS.map((f) => path.basename(f, '.py')))(
    '%s renders, first and last step, no console errors',
    async (name) => {
      const { page, errors } = await open(path.join(OUT, `${name}.html`));
      const recording = await embedded(page);
      expect(await page.locator('#heap svg').count()).toBe(1);
      expect((await drawn(page)).line).toBe(recording.steps[0].line);
      await press(page, 'End');
      const last = await drawn(page);
      expect(last.step).toBe(recording.steps.length);
      expect(await page.textContent('#output')).toBe(recording.stdout + recording.stderr);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  test.each([...AT_SCALE].map((f) => path.basename(f, '.py')))(
    '%s, a lesson at scale: the page says what each step left out, and steps',
    async (name) => {
      const html = path.join(OUT, `${name}.html`);
      const size = readFileSync(html).length;
      expect(size).toBeLessThan(8e6);
      const { page, errors } = await open(html);
      const recording = await embedded(page);
      // The step leaving out the most: the note counts them.
      const most = Math.max(...recording.steps.map((s) => s.omitted?.objects ?? 0));
      expect(most).toBeGreaterThan(500); // lesson 09 reaches the cap with about 1,800 objects
      const index = recording.steps.findIndex((s) => s.omitted?.objects === most);
      await page.goto(`file://${html}#step=${index + 1}`);
      await page.reload();
      await page.waitForSelector(`body[data-step="${index + 1}"]`);
      expect(await page.isVisible('#bounded')).toBe(true);
      const note = (await page.textContent('#bounded'))!;
      expect(note).toMatch(/^This step records [\d,]+ of the program's [\d,]+ objects/);
      expect(note).toContain(`${recording.steps[index].omitted!.objects.toLocaleString('en-US')} are left out`);
      // A list of 100,000 draws its first references and counts the rest.
      if (name === '08_generators_vs_lists')
        expect(await page.textContent('#heap')).toMatch(/… 99,\d{3} more references, not recorded/);
      for (let i = 0; i < 3; i++) await press(page, 'ArrowLeft'); // it may be the last step
      expect((await drawn(page)).step).toBe(index - 2);
      await press(page, 'End');
      expect(await page.textContent('#output')).toBe(recording.stdout + recording.stderr);
      expect(errors).toEqual([]);
      console.log(`${name}: ${recording.steps.length} steps, page ${(size / 1e6).toFixed(1)} MB`);
      await page.close();
    },
  );

  test('stepping shows the line and exactly the refcounts --trace reports at each statement', async () => {
    const file = PROGRAMS.find((f) => path.basename(f) === '02_cycle.py')!;
    const { page, errors } = await open(path.join(OUT, '02_cycle.html'), '#view=all');
    const recording = await embedded(page);
    const shown = new Map<number, Map<number, number>>();
    for (let i = 0; i < recording.steps.length; i++) {
      const state = await drawn(page);
      expect(state.step).toBe(i + 1);
      expect(state.line).toBe(recording.steps[i].line);
      shown.set(i, new Map(state.refcounts));
      if (i + 1 < recording.steps.length) await press(page, 'ArrowRight');
    }
    expect(traceMismatches(recording, traceSteps(file), (i) => shown.get(i)!)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a collection's stages appear in order, with gc_refs and what was collected", async () => {
    const { page } = await open(path.join(OUT, '02_cycle.html'));
    const recording = await embedded(page);
    const start = recording.steps.findIndex((s) => s.line === 26 && s.stage?.name === 'start');
    await press(page, 'c'); // the first collection, gc.collect() on line 8
    expect(Number(await page.evaluate(() => document.body.dataset.step))).toBe(
      recording.steps.findIndex((s) => s.stage?.name === 'start') + 1,
    );
    await page.goto(`file://${path.join(OUT, '02_cycle.html')}#step=${start + 1}`);
    await page.reload();
    await page.waitForSelector(`body[data-step="${start + 1}"]`);
    const seen: string[] = [];
    const done = recording.steps.findIndex((s, i) => i > start && s.stage?.name === 'done');
    for (let i = start; i <= done; i++) {
      const text = (await page.textContent('#stage'))!;
      seen.push(text);
      // The __del__ run by finalize_garbage executes statements: steps of their own, no stage.
      expect(await page.isVisible('#stage-box')).toBe(recording.steps[i].stage !== null);
      if (recording.steps[i].stage?.name === 'subtract_refs') {
        const rows = await page.$$eval('#stage table.gcrefs tr', (trs) => trs.map((tr) => tr.textContent));
        expect(rows.filter((r) => /Node0$/.test(r ?? ''))).toHaveLength(2);
      }
      await press(page, 'ArrowRight');
    }
    const joined = seen.join('\n');
    for (const stage of ['update_refs', 'subtract_refs', 'move_unreachable', 'finalize_garbage', 'delete_garbage'])
      expect(joined).toContain(stage);
    expect(joined).toMatch(/Tentatively unreachable: #\d+ Node, #\d+ Node/);
    expect(joined).toContain('Collected 2, uncollectable 0');
    expect(joined).toMatch(/Finalized: #\d+ Node, #\d+ Node/);
    await page.close();
  });

  test('navigation: next free, line jump, view switch, and a link to a step', async () => {
    const { page } = await open(path.join(OUT, '02_cycle.html'));
    const recording = await embedded(page);
    await press(page, 'f');
    const step = Number(await page.evaluate(() => document.body.dataset.step));
    expect(recording.steps[step - 1].changes.some((c) => c.kind === 'freed')).toBe(true);
    await page.fill('#goto-line', '24');
    await page.click('#goto button');
    await page.waitForFunction(() => document.querySelector('.line.current')?.getAttribute('data-line') === '24');
    expect(await page.isVisible('#leaked')).toBe(true);
    const own = (await drawn(page)).refcounts.length;
    await press(page, 'v');
    expect((await drawn(page)).refcounts.length).toBeGreaterThan(own);
    const url = page.url();
    expect(url).toMatch(/#step=\d+&view=all$/);
    const again = await open(url.replace('file://', '').replace(/#.*/, ''), url.slice(url.indexOf('#')));
    expect(await again.page.evaluate(() => document.body.dataset.step)).toBe(url.match(/step=(\d+)/)![1]);
    await again.page.close();
    await page.close();
  });

  test('untrusted text (source, output, reprs) is shown as text, never run', async () => {
    writePage('hostile', [
      "s = '<script>alert(1)</script>'",
      'print(s)',
      "t = [s, '<img src=x onerror=alert(2)>', '</script><script>alert(3)</script>']",
      'print(t)',
    ]);
    const { page, errors } = await open(path.join(OUT, 'hostile.html'));
    await press(page, 'End');
    expect(await page.textContent('#output')).toContain('<script>alert(1)</script>\n');
    await page.goto(`file://${path.join(OUT, 'hostile.html')}#step=3&view=all`);
    await page.reload();
    await page.waitForSelector('body[data-step="3"]');
    expect(await page.textContent('#heap')).toContain("'<script>alert(1)</script>'");
    expect(await page.textContent('#source')).toContain("'<img src=x onerror=alert(2)>'");
    expect(await page.evaluate(() => document.scripts.length)).toBe(2);
    expect(await page.locator('img').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a screenshot of one step is a full, non-blank picture', async () => {
    const { page } = await open(path.join(OUT, '02_cycle.html'));
    await page.fill('#goto-line', '24');
    await page.click('#goto button');
    await page.waitForFunction(() => document.querySelector('.line.current')?.getAttribute('data-line') === '24');
    const png = await page.screenshot();
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1400); // IHDR width
    expect(png.readUInt32BE(20)).toBe(1000); // IHDR height
    expect(png.length).toBeGreaterThan(40_000); // text and boxes, not a blank page
    const box = await page.locator('#heap svg').boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(100);
    await page.close();
  });

  test('stays usable at the step cap (prints the figures)', async () => {
    const recording = writePage('long', [
      'class Node:',
      '    def __init__(self, i):',
      '        self.i = i',
      '',
      '',
      'items = []',
      'for i in range(3000):',
      '    n = Node(i)',
      '    n.me = n',
      '    items.append(n)',
      '    if len(items) > 20:',
      '        items.pop(0)',
    ]);
    expect(recording.steps).toHaveLength(2000);
    const html = path.join(OUT, 'long.html');
    const loadStart = Date.now();
    const { page, errors } = await open(html);
    const load = Date.now() - loadStart;
    expect(await page.textContent('#truncated')).toContain('Recording stopped after 2000 steps, at line');
    expect(await page.textContent('#truncated')).toContain('--max-recorded-steps');
    let t = Date.now();
    await press(page, 'End');
    const end = Date.now() - t;
    t = Date.now();
    for (let i = 0; i < 10; i++) await press(page, 'ArrowLeft');
    const step = (Date.now() - t) / 10;
    t = Date.now();
    await page.$eval('#slider', (s: HTMLInputElement) => {
      s.value = '1000';
      s.dispatchEvent(new Event('input'));
    });
    await page.waitForSelector('body[data-step="1001"]');
    const slider = Date.now() - t;
    console.log(
      `step-through page at the cap (2000 steps, ${(readFileSync(html).length / 1e6).toFixed(1)} MB): ` +
        `load ${load} ms, jump to the end ${end} ms, one step back ${step.toFixed(0)} ms, slider to the middle ${slider} ms`,
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
