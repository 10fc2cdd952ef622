import type { ScorecardGroupFigures, ScorecardReport, ScorecardWave } from '../../../../src/scorecard/scorecard-report.js';
import { keyTexts } from '../../../../src/charts/internal/key-texts.js';
import { adjustmentNote } from '../shared/test-flags.js';
import { bracket, countCell, fixed, HIDDEN, hiddenNote, pValue } from './format-number.js';
import { textTable, type TextCell } from './text-table.js';
import { metricFormats, type Sheet } from './workbook.js';

/** The sections of the report, merged by id over its cards, in the order they first appear. */
function sectionIds(report: ScorecardReport): string[] {
  return report.total.sections.map((section) => section.id);
}

const percent = (value: number | null) => ({ number: fixed(value, 1) });

/**
 * The league table (rank, group, visits, points, pooled score with its interval, pass and
 * critical-failure rates, achievement per section), then with waves a line per group and
 * wave with the change and its test, then the total, the visits per card and the weakest
 * criteria.
 */
export function scorecardTable(report: ScorecardReport): string {
  const sections = sectionIds(report);
  const names = keyTexts(report.groups.map((group) => group.key));
  const shown = report.suppression?.showCounts === true;
  const line = (rank: string, name: string, figures: ScorecardGroupFigures & { readonly suppressed?: string }): TextCell[] =>
    figures.suppressed !== undefined
      ? [{ number: rank }, name, { number: countCell(figures.visits, true, shown) }, '', { number: HIDDEN }, ...sections.map(() => ''), '', '', '']
      : [
          { number: rank },
          name,
          { number: String(figures.visits) },
          { number: `${fixed(figures.earned, 2)} / ${fixed(figures.possible, 2)}` },
          percent(figures.score),
          { number: bracket(figures.interval, 1) },
          percent(figures.passRate),
          percent(figures.criticalFailureRate),
          ...sections.map((id) => percent(figures.sections.find((section) => section.id === id)?.achievement ?? null)),
        ];
  const order = report.groups.map((_, g) => g).sort((a, b) => (report.groups[a]!.rank ?? Infinity) - (report.groups[b]!.rank ?? Infinity));
  const head: TextCell[] = [{ number: 'rank' }, 'group', { number: 'visits' }, { number: 'points' }, { number: 'score %' }, { number: 'CI' }, { number: 'pass %' }, { number: 'critical %' }, ...sections.map((id) => ({ number: id }))];
  const league = textTable([head, ...order.map((g) => line(report.groups[g]!.rank === null ? '–' : String(report.groups[g]!.rank), names[g]!, report.groups[g]!)), line('', 'total', report.total)]);
  const parts = [league];
  if (report.waves !== null) parts.push(wavesTable(report, names));
  return `${parts.join('\n\n')}\n\n${scorecardNotes(report).join('\n')}`;
}

/** What the league table says below it: visits per card, the weakest criteria, how the score is made, what is hidden. */
export function scorecardNotes(report: ScorecardReport): string[] {
  const footer: string[] = [];
  if (report.cards.length > 1) footer.push(`visits per card: ${report.cards.map((card) => `${card.key} ${card.visits}`).join(', ')}`);
  const weakest = report.total.criteria
    .filter((criterion) => criterion.achievement !== null)
    .sort((a, b) => a.achievement! - b.achievement!)
    .slice(0, 3)
    .map((criterion) => `${criterion.id} ${fixed(criterion.achievement, 1)} %`);
  if (weakest.length > 0) footer.push(`weakest criteria overall: ${weakest.join(', ')}`);
  footer.push('score: points pooled over the visits (Σ earned / Σ possible; weighted cards by their section weights); CI: jackknife over visits, Student t');
  footer.push(...hiddenNote(report.suppression).map((line) => line.replace('respondents answered', 'visits were made')));
  return footer;
}

function wavesTable(report: ScorecardReport, names: readonly string[]): string {
  const head: TextCell[] = ['group', 'wave', { number: 'visits' }, { number: 'score %' }, { number: 'CI' }, { number: 'change' }, { number: 'p' }, { number: 'p adj.' }, ''];
  const shown = report.suppression?.showCounts === true;
  const line = (name: string, wave: ScorecardWave): TextCell[] => {
    const difference = wave.change?.difference ?? null;
    if (wave.suppressed !== undefined) return [name, String(wave.wave), { number: countCell(wave.visits, true, shown) }, { number: HIDDEN }, '', '', '', '', ''];
    return [
      name,
      String(wave.wave),
      { number: String(wave.visits) },
      percent(wave.score),
      { number: bracket(wave.interval, 1) },
      { number: difference === null ? '–' : `${difference > 0 ? '+' : ''}${fixed(difference, 1)}` },
      { number: pValue(wave.change?.pValue) },
      { number: pValue(wave.change?.adjustedPValue) },
      wave.change?.significant ? '*' : '',
    ];
  };
  const lines = [...report.groups.flatMap((group, g) => group.waves!.map((wave) => line(names[g]!, wave))), ...report.total.waves!.map((wave) => line('total', wave))];
  const notes = [`* a change significant at its level by its adjusted p-value (Welch's t on jackknife standard errors)`, adjustmentNote(report.adjust, "the groups' changes from one wave to the next (the total's are single tests)")];
  return `${textTable([head, ...lines])}\n\n${notes.join('\n')}`;
}

/** A line per group (and per group and wave), full precision, sections as `section:<id>` columns; scores are percentages in a workbook. */
export function scorecardSheet(report: ScorecardReport): Sheet {
  const sections = sectionIds(report);
  const names = keyTexts(report.groups.map((group) => group.key));
  const cells = (figures: ScorecardGroupFigures) => [
    figures.visits,
    figures.scoredVisits,
    figures.earned,
    figures.possible,
    figures.score,
    figures.standardError,
    figures.interval?.lower,
    figures.interval?.upper,
    figures.meanVisitScore,
    figures.passRate,
    figures.criticalFailureRate,
    ...sections.map((id) => figures.sections.find((section) => section.id === id)?.achievement),
  ];
  const change = (wave: ScorecardWave) => [wave.change?.difference, wave.change?.pValue, wave.change?.adjustedPValue, wave.change?.significant];
  const rows = [
    ...report.groups.flatMap((group, g) => [
      [names[g]!, null, group.rank, ...cells(group), null, null, null, null],
      ...(group.waves ?? []).map((wave) => [names[g]!, String(wave.wave), null, ...cells(wave), ...change(wave)]),
    ]),
    ['total', null, null, ...cells(report.total), null, null, null, null],
    ...(report.total.waves ?? []).map((wave) => ['total', String(wave.wave), null, ...cells(wave), ...change(wave)]),
  ];
  const head = ['group', 'wave', 'rank', 'visits', 'scored_visits', 'earned', 'possible', 'score', 'standard_error', 'lower', 'upper', 'mean_visit_score', 'pass_rate', 'critical_failure_rate', ...sections.map((id) => `section:${id}`), 'change', 'p_value', 'p_adjusted', 'significant'];
  const format = metricFormats(head, /^$/, /^(score|standard_error|lower|upper|mean_visit_score|pass_rate|critical_failure_rate|change|section:.*)$/);
  if (report.suppression === undefined) return { name: 'Scorecard', head, rows, format };
  // The mark of each line, in the order the lines were made.
  const marks = [
    ...report.groups.flatMap((group) => [group.suppressed ?? '', ...(group.waves ?? []).map((wave) => wave.suppressed ?? '')]),
    report.total.suppressed ?? '',
    ...(report.total.waves ?? []).map((wave) => wave.suppressed ?? ''),
  ];
  return { name: 'Scorecard', head: [...head, 'suppressed'], rows: rows.map((row, r) => [...row, marks[r]]), format };
}
