import type { VegaLiteSpec } from '../../../../src/charts/internal/options.js';

/**
 * Vega-Lite specs rendered to SVG in Node, with vega and vega-lite loaded only here: they are
 * dependencies of the report command, never of a library entry point. The report then needs
 * no script and no network to show its charts.
 */
export async function renderSvgs(specs: readonly VegaLiteSpec[]): Promise<string[]> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const svgs: string[] = [];
  for (const spec of specs) {
    const compiled = vegaLite.compile(spec as never).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
    svgs.push(await view.toSVG());
    view.finalize();
  }
  return svgs;
}
