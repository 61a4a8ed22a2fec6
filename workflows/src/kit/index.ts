export { Compensations, withCompensation } from './compensation.js';
export { namedFailure } from './failures.js';
export { openProcess, type ProcessRun } from './process.js';
