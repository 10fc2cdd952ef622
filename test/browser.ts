import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`), or $CHROMIUM_PATH. Undefined when there is none. */
export const chromiumPath: string | undefined = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path): path is string => path !== undefined && path !== '' && existsSync(path));

/**
 * Headless Chromium as this machine allows it: no sandbox (tests run as root), no GPU, and
 * none of the background connections a closed network refuses.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What a page did when opened: console errors, requests beyond the file itself, and a screenshot. */
export async function openReport(browser: Browser, file: string, screenshot: string, width = 1000) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (!url.startsWith('file://')) {
      requests.push(url);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(`file://${file}`);
  await page.screenshot({ path: screenshot, fullPage: true });
  return { page, errors, requests };
}
