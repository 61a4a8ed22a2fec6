/**
 * The pure rules the workflows decide with, for their unit tests. Contracts live in
 * `@fanfare/contracts`; the workflow bodies are exported for the worker only (`./workflows`).
 */
export { assessProbe, checkBlob } from './asset-ingest/rules.js';
