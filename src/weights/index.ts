export { rake, type RakeOptions } from './rake.js';
export { calibrate, type CalibrateOptions } from './calibrate.js';
export { MISSING_CATEGORY, type MarginOptions, type MarginTargets } from './margins.js';
export { isCalibratedWeights, type CalibratedWeights, type CalibrationDesign, type MarginCategory, type MarginReport, type WeightingReport } from './calibrated-weights.js';
