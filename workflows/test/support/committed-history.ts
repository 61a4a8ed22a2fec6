import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { installQuietTemporalRuntime } from '../../../scripts/test-support/quiet-temporal-runtime.js';
import { workflowBundle } from './temporal-harness.js';

/** The committed history of one process, `workflows/test/histories/<name>.json`. */
export function historyFile(name: string): string {
  return fileURLToPath(new URL(`../histories/${name}.json`, import.meta.url));
}

/**
 * Replays a committed history against today's workflow bundle; rejects on non-determinism, which
 * is how a change that would break running workflows shows up before it ships.
 */
export async function replayCommittedHistory(file: string): Promise<void> {
  installQuietTemporalRuntime();
  const history = historyFromJSON(JSON.parse(await readFile(file, 'utf8')));
  await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history);
}

/** Writes a finished execution's history where `replayCommittedHistory` reads it (RECORD_HISTORIES=1 only). */
export async function recordHistory(file: string, handle: WorkflowHandle): Promise<void> {
  await writeFile(file, `${JSON.stringify(JSON.parse(historyToJSON(await handle.fetchHistory())), null, 2)}\n`);
}
