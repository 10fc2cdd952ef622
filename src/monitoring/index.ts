export { controlChart, type ControlChart, type ControlChartKind, type ControlChartOptions, type ControlChartPeriod, type ControlSignal } from './control-chart.js';
export { anhojLimits, type AnhojLimits } from './anhoj.js';
export { averageRunLength, type CusumDesign, type EwmaDesign } from './average-run-length.js';
export { cusumChart, ewmaChart, type SmoothedChart, type SmoothedPeriod } from './ewma-cusum.js';
export { closedLoop, type CaseTiming, type ClosedLoop, type ClosedLoopFigures, type ClosedLoopOptions, type SlaResult } from './closed-loop.js';
export { funnelPlot, type FunnelLimits, type FunnelOverdispersion, type FunnelPlot, type FunnelPlotOptions, type FunnelSide, type FunnelUnit } from './funnel-plot.js';
export { finnishHolidays } from './finnish-holidays.js';
export type { BusinessHours } from './business-hours.js';
