import { readFileSync } from 'node:fs';

/**
 * The package's version. This module sits at the same depth as the bundled command line
 * (src/cli/ and dist/cli/), so the path to package.json is the same from source and from dist.
 */
export function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
