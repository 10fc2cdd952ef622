/**
 * The p-quantile of sorted values by linear interpolation between order statistics — R's
 * default `quantile(type = 7)`, which FunnelPlotR's Winsorisation uses.
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (h - below) * (sorted[above]! - sorted[below]!);
}
