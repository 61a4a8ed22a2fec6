export { Compensations, withCompensation } from './compensation.js';
export { namedFailure } from './failures.js';
export { openProcess, stepKey, type OpenProcessOptions, type ProcessRun, type ProcessState } from './process.js';
