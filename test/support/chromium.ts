/**
 * Debian's chromium for the browser tests (playwright-core, never a browser download): one place
 * for its path, its flags, and how a suite is skipped, with the reason, where it is not installed
 * (.ci/run installs it, so CI always runs these suites).
 */
import { existsSync } from 'fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/** `describe`, or `describe.skip` with a note saying why, where chromium is missing. */
export function describeInBrowser(what: string): jest.Describe {
  if (existsSync(CHROMIUM)) return describe;
  console.warn(`${CHROMIUM} not found: ${what} are skipped (apt-get install chromium)`);
  return describe.skip;
}

/** Headless chromium without the background connections this machine's closed network refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
