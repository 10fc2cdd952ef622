import { readFileSync } from 'node:fs';

/**
 * The command line's version, from its package's manifest. This module (src/) and the bundled
 * command line (dist/) sit at the same depth in packages/cli, so the path is the same from both.
 */
export function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
