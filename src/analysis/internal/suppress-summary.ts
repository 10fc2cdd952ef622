import type { MetricResult } from '../../metrics/internal/base-result.js';
import type { ResolvedMetric } from '../../common/metric-specs.js';
import { groupSuppression, hiddenCells, hiddenResult, type Suppression, type SuppressionRule } from '../../common/suppression.js';

/** A group of a summary as this module handles it: its rows and one result (or a list of item results) per metric. */
type Group = { readonly rows: number; readonly suppressed?: Suppression | undefined };

/** Where metric m's result sits in a group: `[name]`, or `[name][i]` for the i-th of several fields. */
function slotOf(metrics: readonly ResolvedMetric[], m: number): { name: string; item: number | null } {
  const metric = metrics[m]!;
  if (metric.item === null) return { name: metric.name, item: null };
  return { name: metric.name, item: metrics.slice(0, m).filter((other) => other.name === metric.name).length };
}

function resultAt(group: Group, slot: { name: string; item: number | null }): MetricResult {
  const value = (group as Readonly<Record<string, unknown>>)[slot.name];
  return (slot.item === null ? value : (value as readonly unknown[])[slot.item]) as MetricResult;
}

function withResult<G extends Group>(group: G, slot: { name: string; item: number | null }, result: MetricResult): G {
  if (slot.item === null) return { ...group, [slot.name]: result };
  const list = [...((group as Readonly<Record<string, unknown>>)[slot.name] as readonly unknown[])];
  list[slot.item] = result;
  return { ...group, [slot.name]: list };
}

/**
 * A summary's groups and total with small groups hidden, metric by metric: the groups are an
 * additive dimension (they sum to the total), so a group below `minN` is hidden and, by the
 * complementary rule, the next-smallest too where subtraction would reveal it; the total is
 * hidden only when it is itself below `minN`. A group whose every result is hidden is marked,
 * and its row count reads 0 unless `showCounts`.
 */
export function suppressSummary<G extends Group>(groups: readonly G[], total: G, metrics: readonly ResolvedMetric[], rule: SuppressionRule): { groups: G[]; total: G } {
  let shown = groups.slice();
  let whole = total;
  metrics.forEach((metric, m) => {
    const slot = slotOf(metrics, m);
    const hidden = hiddenCells(
      shown.map((group) => resultAt(group, slot).n),
      rule,
    );
    shown = shown.map((group, g) => (hidden[g] === null ? group : withResult(group, slot, hiddenResult(metric, resultAt(group, slot), hidden[g]!, rule))));
    const all = resultAt(whole, slot);
    if (all.n > 0 && all.n < rule.minN) whole = withResult(whole, slot, hiddenResult(metric, all, 'insufficient', rule));
  });
  const mark = (group: G): G => {
    const why = groupSuppression(metrics.map((_, m) => resultAt(group, slotOf(metrics, m))));
    return why === undefined ? group : { ...group, suppressed: why, rows: rule.showCounts ? group.rows : 0 };
  };
  return { groups: shown.map(mark), total: mark(whole) };
}
