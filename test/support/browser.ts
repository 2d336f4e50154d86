import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless; `.ci/run` installs the `chromium` package when it is missing. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Screenshots go to test-artifacts/console (git-ignored) for a person to look at after a run. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-artifacts', 'console');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The URL a browser can reach for a Nest app listening on port 0. */
export function reachableUrl(appUrl: string): string {
  const url = new URL(appUrl);
  if (url.hostname === '[::1]' || url.hostname === '[::]' || url.hostname === '0.0.0.0')
    url.hostname = '127.0.0.1';
  return url.origin;
}
