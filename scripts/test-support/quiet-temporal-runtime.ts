import { DefaultLogger, Runtime } from '@temporalio/worker';

/**
 * Keeps the Temporal SDK's INFO lines ("Worker state changed", one per poller and state) out of
 * test output: only warnings and errors print. Must run before the process's first Worker or
 * NativeConnection; a Runtime installed earlier (by another harness) wins, which is just as quiet.
 */
export function installQuietTemporalRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed in this process.
  }
}
