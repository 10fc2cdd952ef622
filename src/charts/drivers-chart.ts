import type { KeyDriverResult } from '../analysis/key-drivers.js';
import { itemKeys } from './internal/item-keys.js';
import { COLORS, labelsFor, numberStyle, topLevel, type ChartOptions, type VegaLiteSpec } from './internal/options.js';

const QUADRANTS = ['concentrate-here', 'keep-up', 'low-priority', 'possible-overkill'] as const;

/**
 * The importance × performance map of a `keyDrivers` result: each driver a labelled
 * point, coloured by its quadrant, with the quadrant lines at the average importance and the
 * average performance (the mean answer when the drivers have no scale). Importance is the
 * result's: a correlation, or with `'relative-weights'` and `'shapley'` the driver's part of
 * R² (its share of R² in the tooltip). Long driver names (question texts) are drawn as Q1,
 * Q2… beside the points, with the full texts in the subtitle.
 *
 * @example
 * ```ts
 * const rows = [{ o: 5, a: 5, b: 2 }, { o: 4, a: 4, b: 3 }, { o: 2, a: 1, b: 3 }, { o: 1, a: 2, b: 2 }];
 * const scale = { min: 1, max: 5 };
 * const spec = driversChart(keyDrivers(rows, { outcome: 'o', drivers: [{ field: 'a', scale }, { field: 'b', scale }] }));
 * spec.layer?.length; // 4
 * ```
 */
export function driversChart(result: KeyDriverResult, options: ChartOptions = {}): VegaLiteSpec {
  const labels = labelsFor(options);
  const style = numberStyle(options.locale);
  const scaled = result.drivers.every((driver) => driver.performance !== null || driver.mean === null);
  // Long driver names (question texts) beside points overlap: drawn as Q1, Q2… with a key in the subtitle.
  const keys = itemKeys(result.drivers.filter((driver) => driver.importance !== null).map((driver) => driver.driver));
  const values = result.drivers
    .filter((driver) => driver.importance !== null)
    .map((driver) => {
      const performance = scaled ? driver.performance : driver.mean;
      return {
        driver: driver.driver,
        mark: keys.shown(driver.driver),
        importance: driver.importance,
        performance,
        quadrant: driver.quadrant === null ? null : labels.quadrants[driver.quadrant],
        importanceText: style.fixed(driver.importance!, 3),
        shareText: driver.share === null ? '–' : style.percent(driver.share, 1),
        performanceText: performance === null ? '–' : style.fixed(performance, 1),
        rank: driver.rank,
        n: driver.n,
      };
    });
  const decomposed = result.rSquared !== null;
  const x = { field: 'importance', type: 'quantitative', title: decomposed ? labels.importanceOfRSquared : labels.importance, scale: { zero: false, padding: 40 } }; // room for the labels of the outermost points
  const y = { field: 'performance', type: 'quantitative', title: scaled ? labels.performance : labels.score, scale: { zero: false, padding: 20 } };
  const averages = [{ importance: result.averageImportance, performance: result.averagePerformance }];
  return topLevel(options, labels.titles.drivers, {
    width: options.width ?? 480,
    height: 320,
    data: { values },
    layer: [
      { data: { values: averages }, mark: { type: 'rule', strokeDash: [4, 4], color: COLORS.muted }, encoding: { x: { field: 'importance', type: 'quantitative' } } },
      { data: { values: averages }, mark: { type: 'rule', strokeDash: [4, 4], color: COLORS.muted }, encoding: { y: { field: 'performance', type: 'quantitative' } } },
      {
        mark: { type: 'point', filled: true, size: 90 },
        encoding: {
          x,
          y,
          color: { field: 'quadrant', type: 'nominal', title: null, scale: { domain: QUADRANTS.map((quadrant) => labels.quadrants[quadrant]), range: [COLORS.highlight, COLORS.promoters, COLORS.muted, COLORS.warning] } },
          tooltip: [
            { field: 'driver', title: labels.driver },
            { field: 'importanceText', title: x.title },
            ...(decomposed ? [{ field: 'shareText', title: labels.shareOfRSquared }] : []),
            { field: 'performanceText', title: y.title },
            { field: 'rank', title: labels.rank },
            { field: 'n', title: labels.answers },
          ],
        },
      },
      { mark: { type: 'text', dy: -10, fontSize: 11 }, encoding: { x, y, text: { field: 'mark' } } },
    ],
  }, keys.lines);
}
