import type { MikroORM } from '@fanfare/db';
import type { TemporalAccess } from '../plugins/app/temporal.js';

/** The state of one dependency as the health route reports it. */
export interface DependencyCheck {
  status: 'up' | 'down';
  latencyMs: number;
  /** Why it is down, in a few words. */
  reason?: string;
}

/** How long one check may take before the dependency counts as down. */
const CHECK_TIMEOUT_MS = 2_000;

async function timed(probe: (deadline: number) => Promise<unknown>, timeoutMs: number): Promise<DependencyCheck> {
  const started = performance.now();
  const deadline = Date.now() + timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([probe(deadline), timeout]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'down', latencyMs: Math.round(performance.now() - started), reason: reason.slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

/** `select 1` through the ORM's pool. */
export function checkDatabase(orm: MikroORM, timeoutMs = CHECK_TIMEOUT_MS): Promise<DependencyCheck> {
  return timed(() => orm.em.getConnection().execute('select 1'), timeoutMs);
}

/** Describes the configured namespace: cheap, and proves both the server and the namespace. */
export function checkTemporal(temporal: TemporalAccess, timeoutMs = CHECK_TIMEOUT_MS): Promise<DependencyCheck> {
  return timed(
    (deadline) =>
      temporal.connection.withDeadline(deadline, () =>
        temporal.connection.workflowService.describeNamespace({ namespace: temporal.namespace }),
      ),
    timeoutMs,
  );
}
