import * as vega from 'vega';
import * as vl from 'vega-lite';

/** Compiles a Vega-Lite spec, failing on any warning (a warning is a chart that does not show what it means). */
export function compileStrict(spec: unknown): vega.Spec {
  const messages: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...args: unknown[]) => (messages.push(args.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
    error: (...args: unknown[]) => (messages.push(args.join(' ')), logger),
  };
  const { spec: compiled } = vl.compile(spec as vl.TopLevelSpec, { logger: logger as never });
  if (messages.length > 0) throw new Error(`vega-lite warned: ${messages.join('; ')}`);
  return compiled;
}

/** The chart as SVG, rendered by Vega in Node. */
export async function renderSvg(spec: unknown): Promise<string> {
  const view = new vega.View(vega.parse(compileStrict(spec)), { renderer: 'none' });
  const messages: string[] = [];
  view.logger({ level: () => 0, warn: (...args: unknown[]) => messages.push(args.join(' ')), info: () => undefined, debug: () => undefined, error: (...args: unknown[]) => messages.push(args.join(' ')) } as never);
  const svg = await view.toSVG();
  view.finalize();
  if (messages.length > 0) throw new Error(`vega warned: ${messages.join('; ')}`);
  return svg;
}
