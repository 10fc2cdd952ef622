/**
 * The screenshot of the report in the README (docs/report.png), taken with the browser test's
 * own helper on the airline survey (copied next to the report, so that the report names it as
 * a user would have it, not by this machine's path):
 *
 *   npx tsx test/report-screenshot.ts
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, openReport } from './browser.js';
import { root } from './cli-helpers.js';
import { airlineCsv } from './shared-data.js';

if (airlineCsv === undefined) throw new Error('the airline survey is not here (see test/shared-data.ts)');
const dir = mkdtempSync(join(tmpdir(), 'cx-metrics-screenshot-'));
copyFileSync(airlineCsv, join(dir, 'airline-passenger-satisfaction-test.csv'));
const args = ['airline-passenger-satisfaction-test.csv', '--by', 'Class', '--csat', 'Seat comfort', '--csat', 'Cleanliness', '--na', '0', '--outcome', 'satisfaction', '--map', 'satisfied=1,neutral or dissatisfied=0', '--driver', 'Online boarding', '--driver', 'Seat comfort', '--driver', 'Inflight wifi service', '--driver', 'Cleanliness', '--driver-scale', '1-5', '--banner', 'Type of Travel', '--id', 'id', '--lang', 'en', '--out', 'report.html'];
const run = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(root, 'packages/cli/src/main.ts'), 'report', ...args], { cwd: dir, encoding: 'utf8' });
if (run.status !== 0) throw new Error(run.stderr);
const browser = await launchChromium();
await openReport(browser, join(dir, 'report.html'), join(root, 'docs/report.png'), 900);
await browser.close();
rmSync(dir, { recursive: true, force: true });
