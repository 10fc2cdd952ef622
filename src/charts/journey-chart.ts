import type { JourneyReport, StageReport, TouchpointReport } from '../analysis/journey-report.js';
import { COLORS, hiddenNote, labelsFor, numberStyle, topLevel, type ChartOptions, type VegaLiteSpec } from './internal/options.js';
import { scoreFields, scoreLayers, scoreScale } from './internal/score-marks.js';

/**
 * A chart of a `journeyReport`: the headline metric of each stage in journey order with
 * its interval, the journey index as a line across, the weakest stage and every stage
 * significantly below the rest of the journey (by the report's adjusted p-values) in colour;
 * below it, the touchpoints of each stage the same way.
 *
 * @example
 * ```ts
 * const journey = defineJourney({ stages: [{ id: 'buy' }, { id: 'use' }] });
 * const report = journeyReport([{ s: 'buy', q: 10 }, { s: 'use', q: 2 }, { s: 'use', q: 9 }], journey, { stage: 's', nps: 'q' });
 * const spec = journeyChart(report);
 * spec.vconcat?.length; // 1 (no touchpoints: the stages only)
 * ```
 */
export function journeyChart(report: JourneyReport, options: ChartOptions = {}): VegaLiteSpec {
  const labels = labelsFor(options);
  const style = numberStyle(options.locale);
  const metric = report.headline;
  const first = report.total[metric]!;
  const score = scoreScale(metric, (first as { method?: string }).method, first.scale, labels, style);
  const below = new Set(report.significantlyBelow.stages);
  const belowTouchpoints = new Set(report.significantlyBelow.touchpoints.map((entry) => `${entry.stage}\u0000${entry.touchpoint}`));
  const status = (weakest: boolean, significantlyBelow: boolean) => (significantlyBelow ? labels.significantlyBelow : weakest ? labels.weakest : labels.otherStage);
  const row = (name: string, part: StageReport | TouchpointReport, weakest: boolean, significantlyBelow: boolean, order: number) => ({
    name,
    order,
    status: status(weakest, significantlyBelow),
    n: part[metric]!.n,
    ...scoreFields(part[metric]!, score),
  });
  // Hidden stages and touchpoints (minN) are not drawn; the note says how many.
  const shown = (part: StageReport | TouchpointReport) => part[metric]?.suppressed === undefined;
  const hidden = report.stages.filter((stage) => !shown(stage)).length + report.stages.flatMap((stage) => stage.touchpoints).filter((touchpoint) => !shown(touchpoint)).length;
  const stages = report.stages.filter(shown).map((stage, s) => row(stage.label, stage, report.weakest.stage === stage.id, below.has(stage.id), s));
  const touchpoints = report.stages
    .flatMap((stage) =>
      stage.touchpoints.filter(shown).map((touchpoint) => ({
        name: `${stage.label} / ${touchpoint.label}`,
        touchpoint,
        weakest: report.weakest.touchpoint?.stage === stage.id && report.weakest.touchpoint.touchpoint === touchpoint.id,
        below: belowTouchpoints.has(`${stage.id}\u0000${touchpoint.id}`),
      })),
    )
    .map((entry, t) => row(entry.name, entry.touchpoint, entry.weakest, entry.below, t));
  const statuses = [labels.otherStage, labels.weakest, labels.significantlyBelow];
  const color = { field: 'status', type: 'nominal', title: null, scale: { domain: statuses, range: [COLORS.bar, COLORS.warning, COLORS.highlight] } };
  const panel = (rows: typeof stages, title: string, withIndex: boolean) => {
    // In journey order by a field of the rows: a list of labels becomes an expression vega-lite cannot hold for long lists.
    const position = { y: { field: 'name', type: 'nominal', sort: { field: 'order', op: 'min' }, title } };
    const tooltip = [{ field: 'name', title }, { field: 'label', title: score.title }, { field: 'status', title: '' }, { field: 'n', title: labels.answers }];
    const layers: Record<string, unknown>[] = scoreLayers(score, 'x', position, color, tooltip).map((layer) => ({ data: { values: rows }, ...layer }));
    if (withIndex && report.index.score !== null) {
      const index = [{ score: report.index.score, label: `${labels.journeyIndex} ${score.text(report.index.score)}` }];
      layers.push(
        { data: { values: index }, mark: { type: 'rule', strokeDash: [6, 3], color: COLORS.rule }, encoding: { x: { field: 'score', type: 'quantitative' } } },
        { data: { values: index }, mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, y: 0, fontSize: 11 }, encoding: { x: { field: 'score', type: 'quantitative' }, text: { field: 'label' } } },
      );
    }
    return { width: options.width ?? 480, height: { step: 24 }, layer: layers };
  };
  const panels = [panel(stages, labels.stage, true), ...(touchpoints.length > 0 ? [{ title: labels.titles.touchpoints, ...panel(touchpoints, labels.touchpoint, false) }] : [])];
  return topLevel(options, labels.titles.journey, { vconcat: panels }, [hiddenNote(labels, hidden, report.suppression)]);
}
