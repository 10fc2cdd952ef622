import type { ReportStrings } from './report-strings.js';

export const EN_REPORT: ReportStrings = {
  title: 'Customer experience report',
  file: 'File',
  rowsRead: 'Rows read',
  created: 'Created',
  readAs: 'Read as',
  column: 'Column',
  answered: 'Answered',
  missing: 'No answer or not applicable',
  invalid: 'Invalid, left out',
  summary: 'Summary',
  group: 'Group',
  total: 'Total',
  score: 'Score',
  interval: (level) => `${level} interval`,
  trend: 'Trend',
  monitor: 'Control charts',
  controlLimits: 'Control limits',
  signals: 'Signals',
  noSignal: 'no signal: every period within its limits, no unusual run',
  funnel: 'Groups compared: funnel plot',
  funnelLimits: '99.8 % limits',
  standing: { above998: 'above the 99.8 % limits', below998: 'below the 99.8 % limits', above95: 'above the 95 % limits', below95: 'below the 95 % limits' },
  allWithin: 'every group within its 95 % limits',
  funnelAdjusted: (tau2) => `Limits widened for the real differences between groups (τ² = ${tau2}).`,
  funnelUnadjusted: 'The groups differ no more than chance allows: limits not widened.',
  signalNames: { 'beyond-limits': 'beyond the limits', 'long-run': 'long run on one side', 'few-crossings': 'too few crossings', 'two-of-three': '2 of 3 beyond 2σ', 'four-of-five': '4 of 5 beyond 1σ', 'eight-in-a-row': '8 in a row on one side' },
  period: 'Period',
  change: 'Change',
  pValue: 'p',
  adjustedPValue: 'p adj.',
  noAnswers: 'no answers',
  significantChange: 'significant change',
  drivers: 'Key drivers',
  driver: 'Driver',
  correlation: 'Correlation',
  partOfRSquared: 'Part of R²',
  shareOfRSquared: 'Share of R²',
  performance: 'Performance',
  rank: 'Rank',
  quadrant: 'Quadrant',
  journey: 'Customer journey',
  stage: 'Stage / touchpoint',
  vsRest: 'Against the rest',
  belowRest: 'significantly below the rest',
  journeyIndex: 'Journey index',
  weakest: 'Weakest stage',
  followUps: 'Follow-ups',
  themes: 'What customers say',
  theme: 'Theme',
  mentions: 'Mentions',
  shareOfCommenters: 'Share of commenters',
  impact: 'Impact',
  noTheme: '(no theme)',
  commenters: (commenters, rows, uncoded) => `${commenters} of ${rows} respondents wrote a comment; ${uncoded} of the comments fit no theme of the codebook.`,
  quotes: 'In their words',
  contacts: (count, of, share) => `${count} of ${of} respondents (${share}) await a follow-up.`,
  hidden: 'hidden',
  banner: {
    title: 'Banner table',
    letters: (level) => `A letter in a cell: significantly higher than the column of that letter at ${level} confidence (columns of the same banner only).`,
    tests: "Proportions (CSAT, categories) by the pooled two-proportion z test (R prop.test without continuity correction), NPS by its two-sample z test, CES by Welch's t on the means.",
    adjustment: (adjust, minBase) =>
      `${adjust === 'none' ? 'Each pair is taken alone (not adjusted, as SPSS and expss do by default)' : `The pairs of each row are adjusted together by ${adjust === 'holm' ? "Holm's method" : adjust === 'bonferroni' ? 'Bonferroni' : 'Benjamini–Hochberg'}`}; columns with fewer than ${minBase} answers are not tested.`,
  },
  scorecard: {
    title: 'Mystery shopping',
    location: 'Location',
    visits: 'Visits',
    passRate: 'Passed',
    criticalFailures: 'Critical failures',
    wave: 'Wave',
    weakest: (criteria) => `Weakest criteria over all visits: ${criteria}.`,
  },
  percentagePoints: 'pp',
  findings: 'Key findings',
  finding: {
    metricNames: { nps: 'NPS', csat: 'CSAT', ces: 'CES' },
    group: (who, what, above, score, reference) => `${who} is ${above ? 'above' : 'below'} the rest of the respondents on ${what}: ${score} against ${reference}.`,
    change: (period, what, up, score, change) => `${what} ${up ? 'rose' : 'fell'} by ${change} in ${period}, to ${score}.`,
    stage: (label, what, above, score, reference) => `The stage ${label} is ${above ? 'above' : 'below'} the rest of the journey on ${what}: ${score} against ${reference}.`,
    touchpoint: (label, what, above, score, reference) => `The touchpoint ${label} is ${above ? 'above' : 'below'} the rest of the journey on ${what}: ${score} against ${reference}.`,
    theme: (label, what, score, reference, impact) => `Those who write about ${label} give ${what} ${score}, the other commenters ${reference}: the theme moves the score by ${impact}.`,
    driver: (driver, outcome, r) => `${driver} goes with ${outcome} (r = ${r}).`,
    none: {
      group: (what, level) => `No group differs from the rest of the respondents on ${what} at ${level} confidence.`,
      change: (what, level) => `${what} did not change significantly from one period to the next at ${level} confidence.`,
      stage: (what, level) => `No stage differs from the rest of the journey on ${what} at ${level} confidence.`,
      touchpoint: (what, level) => `No touchpoint differs from the rest of the journey on ${what} at ${level} confidence.`,
      theme: (what, level) => `No theme moves ${what} significantly at ${level} confidence.`,
      driver: (outcome, level) => `No driver is significantly correlated with ${outcome} at ${level} confidence.`,
    },
    test: (p, tests, adjustment) => `${p === null ? '' : `p adj. ${p}; `}${tests} ${tests === 1 ? 'test' : 'tests'}, ${adjustment}`,
    adjustments: {
      holm: "Holm's method",
      hochberg: "Hochberg's method",
      bonferroni: 'Bonferroni',
      'benjamini-hochberg': 'Benjamini–Hochberg',
      'benjamini-yekutieli': 'Benjamini–Yekutieli',
      none: 'not adjusted',
    },
    more: (count) => `And ${count} more, in the sections below.`,
  },
  methodology: 'How the numbers are computed',
  generatedBy: 'Made with cx-metrics',
  metricNames: { nps: 'NPS', csat: 'CSAT', ces: 'CES' },
  method: {
    nps: (promoters, detractors, scale, columns) =>
      `NPS${columns === null ? '' : ` (${columns})`} = % promoters (${promoters}) − % detractors (${detractors}) of those who answered on ${scale}, −100…100. Standard error √((p + d − (p − d)²)/n).`,
    csat: (satisfied, scale, columns) => `CSAT${columns === null ? '' : ` (${columns})`} = % of those who answered on ${scale} who chose ${satisfied}.`,
    ces: (method, scale, higherIsEasier, easy, difficult, columns) =>
      `CES${columns === null ? '' : ` (${columns})`} on ${scale} (${higherIsEasier ? 'higher' : 'lower'} = easier): ${
        method === 'mean'
          ? 'the mean answer, with s/√n and a Student t interval on n − 1 degrees of freedom'
          : method === 'percent-easy'
            ? `% of answers in the easy points (${easy})`
            : `% easy (${easy}) − % difficult (${difficult})`
      }.`,
    intervals: {
      'adjusted-wald': 'Interval: adjusted Wald (Rocks 2016, The American Statistician 70(4)), ¾ detractor, 1½ passives and ¾ promoter added before a Wald interval.',
      iterative: 'Interval: the iterative score interval of Rocks\' R package NPS (Tango\'s score statistic, promoters and detractors as the discordant cells of a paired table).',
      wald: 'Interval: Wald, the score ± z standard errors.',
      wilson: 'Interval: Wilson score (equal to R prop.test without continuity correction).',
      'agresti-coull': 'Interval: Agresti–Coull (Wald after adding z²/2 satisfied and z²/2 others).',
      jeffreys: 'Interval: Jeffreys (quantiles of the Beta(x + ½, n − x + ½) distribution).',
      'clopper-pearson': 'Interval: Clopper–Pearson exact (equal to R binom.test).',
    },
    adjustments: {
      holm: 'adjusted by Holm\'s method',
      hochberg: 'adjusted by Hochberg\'s method',
      bonferroni: 'adjusted by Bonferroni\'s method',
      'benjamini-hochberg': 'adjusted by the Benjamini–Hochberg method (false discovery rate)',
      'benjamini-yekutieli': 'adjusted by the Benjamini–Yekutieli method (false discovery rate)',
      none: 'not adjusted: each test taken alone',
    },
    monitor:
      "The control charts set each period against limits of three standard errors around the centre line of all periods — wider for periods with few answers — as a p chart for CSAT, a z chart on the NPS's own spread and an Xbar chart for the CES mean. A signal is a period beyond its limits, or a run of periods on one side of the centre too long (or crossings too few) to be chance by Anhøj's rules: a reason to look at what changed, not proof that something got worse.",
    funnel:
      "The funnel plot sets each group's CSAT or NPS against its number of answers, with limits around the overall score that narrow as groups grow (95 % and 99.8 %; CSAT on the arcsine scale, NPS on its own spread), so that groups of different size are compared without a league table. When the groups differ by more than chance — as they usually do with many answers — the limits are widened by the between-group variance τ² (DerSimonian–Laird on z-scores Winsorised at 10 %, as FunnelPlotR does). A group outside its 99.8 % limits differs by more than chance and the groups' usual differences; answers are counted, not weighted.",
    trend: (adjustment) =>
      `Each period is compared with the one before: NPS by a z test of the difference, CSAT by the pooled two-proportion z test, the CES mean by Welch's t test. The changes of one metric are one family of tests, their p-values ${adjustment} ("p adj."); a change is significant when its adjusted p-value is below 1 − the report's level. Periods nobody answered in are shown as gaps.`,
    drivers: {
      pearson:
        "Importance is Pearson's r between each driver and the outcome over the rows that answered both (p-value and Fisher z interval as R cor.test); performance is the driver's mean on 0–100. Quadrants split at the averages. A correlation is not a cause.",
      spearman:
        "Importance is Spearman's rank correlation between each driver and the outcome over the rows that answered both (p-value as R cor.test); performance is the driver's mean on 0–100. Quadrants split at the averages. A correlation is not a cause.",
      'relative-weights':
        "Importance is each driver's part of the R² of the outcome regressed on all drivers, over the rows where all are answered, by Johnson's relative weights (2000): drivers that move together share the variance they explain, and the parts add up to R². Performance is the driver's mean on 0–100; quadrants split at the averages. An association is not a cause.",
      shapley:
        "Importance is each driver's part of the R² of the outcome regressed on all drivers, over the rows where all are answered, by the Shapley (LMG) decomposition: its gain in R² averaged over every order of adding the drivers, so the parts add up to R². Performance is the driver's mean on 0–100; quadrants split at the averages. An association is not a cause.",
    },
    journey: (adjustment) =>
      `Each stage and touchpoint is tested against the rest of the journey with its metric's two-sample test. The stages' tests are one family and the touchpoints' another, their p-values ${adjustment} ("p adj."); "significantly below the rest" goes by the adjusted p-value. The journey index is the stage-weighted mean of the stage scores, its standard error from the stages as independent samples.`,
    themes: (adjustment) =>
      `Comments are coded by the codebook's patterns: words matched on their Snowball stem, prefixes on the word as written, phrases word by word; nothing is dropped, negations included. A theme's share is of the commenters, with a Wilson interval. Its impact is the score of all commenters minus the score of those who do not mention it (= share × the difference between the two), tested by z on its linearised standard error; the tests of one metric across the themes are one family, their p-values ${adjustment}. Sentiment is not computed: word lists for Finnish are not reliable enough to score people's feelings.`,
    suppression: (minN, minNComments, complementary) =>
      `To protect respondents, a group's figures are hidden ("hidden") when fewer than ${minN} people answered (people, not weights), and its comments and quotes when fewer than ${minNComments} wrote one${
        complementary === 'none'
          ? ''
          : complementary === 'glint'
            ? '; when the hidden groups of a breakdown together hold a single person, the next-smallest group is hidden too, so that no one can be worked out by subtraction from the total'
            : `; until the hidden groups of a breakdown together hold at least ${minN} people, the next-smallest group is hidden too, so that no one can be worked out by subtraction from the total`
      }. Tests and adjusted p-values are among the shown groups only.`,
    scorecard: (adjustment) =>
      `Each visit is scored on its card: the points earned of the points possible, a criterion marked not applicable leaving both. A location's score pools its visits (Σ earned / Σ possible, sections weighted as the card says); its interval is a jackknife over the visits with Student's t. "Passed" is the share of visits that failed no critical criterion and reached the card's pass threshold (when it has one), "critical failures" the share that failed a critical criterion.${
        adjustment === null ? '' : ` Each wave is compared with the one before by Welch's t on the jackknife standard errors; a wave's changes across the locations are one family of tests, whose p-values ${adjustment}.`
      }`,
    noSuppression: 'No group is hidden (--min-n 1): small groups are shown with their wide intervals and may identify people.',
    weighting: (margins, iterations, min, max, designEffect, efficiency) =>
      `The answers are weighted by raking (iterative proportional fitting, ${iterations} passes) to the population's margins — ${margins} — so that each margin's shares are the population's. The weights run from ${min} to ${max} times the mean; their design effect is ${designEffect} (efficiency ${efficiency}): the intervals are as wide as for a sample that much smaller. The summary's standard errors account for the weights having been raked (as R survey's svymean on a raked design); the other sections treat them as fixed. Raking corrects for the margins given, not for who chose not to answer.`,
    missing: 'Empty answers and not-applicable codes are counted as missing and never enter a denominator; answers off the scale are counted as invalid.',
  },
};
