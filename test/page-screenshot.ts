/**
 * The screenshot of the offline page in the README (docs/page.png): the page as built by
 * `npm run build`, in English at a desktop width, after the Google Forms example export was
 * chosen with a set-up in the address. Only the top of the page (the set-up and the start of
 * the report) is kept:
 *
 *   npm run build && npx tsx test/page-screenshot.ts
 */
import { join } from 'node:path';
import { launchChromium } from './browser.js';
import { root } from './cli-helpers.js';

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1000, height: 1500 } });
await page.goto(`file://${join(root, 'dist/cx-metrics.html')}#nps=${encodeURIComponent('How likely are you to recommend us to a friend?')}&by=${encodeURIComponent('Which store did you visit?')}&lang=en`);
await page.setInputFiles('#file', join(root, 'examples/data/google-forms-export.csv'));
await page.waitForSelector('#cx-metrics-result', { state: 'attached', timeout: 60_000 });
await page.waitForTimeout(300);
await page.screenshot({ path: join(root, 'docs/page.png') });
await browser.close();
