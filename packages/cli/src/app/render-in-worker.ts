import { expressionInterpreter } from 'vega-interpreter';
import { compile } from 'vega-lite';
import { parse, View } from 'vega';
import type { VegaLiteSpec } from '../../../../src/charts/internal/options.js';

/**
 * Vega-Lite specs rendered to SVG in the page's worker, as the command line renders them in
 * Node: the same vega and vega-lite, no DOM (so text is measured the same way, and the SVG is
 * the same). Expressions are interpreted rather than compiled with `Function`, because the
 * page's Content-Security-Policy allows no eval.
 */
export async function renderSvgsInWorker(specs: readonly VegaLiteSpec[]): Promise<string[]> {
  const svgs: string[] = [];
  for (const spec of specs) {
    const view = new View(parse(compile(spec as never).spec, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter });
    svgs.push(await view.toSVG());
    view.finalize();
  }
  return svgs;
}
