/**
 * The HTML reports in a real headless browser (Debian's chromium driven by playwright-core):
 * they render, the heap pictures are visible, sorting works, nothing logs an error, and a
 * screenshot is taken (written next to the reports; docs/images/report.png is one of these).
 */
import { statSync } from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { gradeFixture } from './fixtures/grade-fixture';

describeInBrowser('the browser tests of the reports')('reports in a browser', () => {
  let browser: Browser;
  let out: string;
  const errors: string[] = [];

  beforeAll(async () => {
    out = (await gradeFixture(['correct', 'leaky', 'wasteful'], { runs: 5 })).out;
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  async function open(file: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('console', (m) => (m.type() === 'error' ? errors.push(`${file}: ${m.text()}`) : undefined));
    page.on('pageerror', (e) => errors.push(`${file}: ${e.message}`));
    page.on('request', (r) => (r.url().startsWith('file:') ? undefined : errors.push(`${file}: network ${r.url()}`)));
    await page.goto(`file://${path.join(out, file)}`);
    return page;
  }

  it("renders a failing submission's report with its heap picture visible", async () => {
    const page = await open('leaky/report.html');
    await expect(page.locator('h1').textContent()).resolves.toBe('pymemlab report: leaky');
    const picture = page.locator('figure.heap svg').first();
    expect(await picture.isVisible()).toBe(true);
    const box = await picture.boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(50);
    expect(await page.locator('li.failing').count()).toBeGreaterThan(0);
    const shot = path.join(out, 'leaky-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });

  it('sorts the class table by a column, both ways', async () => {
    const page = await open('index.html');
    const names = () => page.locator('#submissions tbody tr td:first-child').allTextContents();
    expect(await names()).toEqual(['correct', 'leaky', 'wasteful']);
    const score = page.locator('#submissions th', { hasText: 'Score' });
    await score.click();
    expect(await names()).toEqual(['leaky', 'wasteful', 'correct']);
    await score.click();
    expect(await names()).toEqual(['correct', 'wasteful', 'leaky']);
    await page.locator('#submissions a', { hasText: 'wasteful' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('pymemlab report: wasteful');
  });

  it('logs no error and loads nothing from the network', () => {
    expect(errors).toEqual([]);
  });
});
