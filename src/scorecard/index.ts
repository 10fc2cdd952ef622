export { NOT_APPLICABLE, defineScorecard } from './define-scorecard.js';
export type {
  Criterion,
  CriterionAnswerType,
  CriterionDefinition,
  Scorecard,
  ScorecardDefinition,
  Section,
  SectionDefinition,
} from './define-scorecard.js';
export { scoreVisit } from './score-visit.js';
export type { CriterionScore, ScoreVisitOptions, SectionScore, Visit, VisitScore } from './score-visit.js';
export { scorecardReport } from './scorecard-report.js';
export type {
  CriterionAchievement,
  ReportCard,
  ReportedVisit,
  ScorecardChange,
  ScorecardGroup,
  ScorecardGroupFigures,
  ScorecardReport,
  ScorecardReportOptions,
  ScorecardWave,
  SectionAchievement,
  VisitField,
  WaveKey,
} from './scorecard-report.js';
export { SERVICE_SITUATIONS, serviceEncounterScorecard } from './service-encounter.js';
export type { ServiceSituation } from './service-encounter.js';
