import type { ProcessDefinition } from '@fanfare/contracts';
import { ProcessStatusAttribute } from '@fanfare/contracts';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import {
  type QueryDefinition,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { processSummary } from '@fanfare/contracts';

/** What every process status has: a business word for where it stands and what it waits for. */
export interface ProcessState<Step extends string = string> {
  step: Step;
  waitingFor: string | null;
}

/** How a process opens: its contract's query, first status and the keys operators search by. */
export interface OpenProcessOptions<Status extends ProcessState> {
  definition: Pick<ProcessDefinition, 'title'>;
  query: QueryDefinition<Status, []>;
  initial: Omit<Status, 'waitingFor'>;
  /** What the process waits for in a status, asked afresh at every `status` query. */
  waitingFor(status: Omit<Status, 'waitingFor'>): string | null;
  /** TenantId, OrderId, CreatorId, Domain…: set once, so Temporal UI finds the run by business key. */
  keys?: SearchAttributeUpdatePair[];
  /**
   * `together` upserts the keys and the first ProcessStatus in one event; `keys-then-status` in
   * two. Both exist because recorded histories have each shape and an upsert must replay as
   * recorded; a new process uses the default.
   */
  firstUpsert?: 'together' | 'keys-then-status';
  /**
   * Registers the process's signals and updates before the first search-attribute write, so an
   * update delivered with the start (update-with-start) is accepted first, as recorded histories have it.
   */
  handlers?(run: ProcessRun<Status>): void;
}

/**
 * One running process as the kit sees it: the answer to its `status` query, its ProcessStatus
 * search attribute, its execution summary and the idempotency keys of its steps.
 */
export interface ProcessRun<Status extends ProcessState> {
  readonly workflowId: string;
  /** The current status, as the `status` query answers it. */
  status(): Status;
  /** Moves to `step` (with other status changes) and sets ProcessStatus in the same call. */
  enter(step: Status['step'], changes?: Partial<Omit<Status, 'step' | 'waitingFor'>>, searchValue?: string): void;
  /** Changes the status without moving to another step (no search attribute write). */
  update(changes: Partial<Omit<Status, 'step' | 'waitingFor'>>): void;
  /**
   * Sets the line Temporal UI shows for this run (its current details): the process's title and the
   * business facts known so far ("Checkout · aurora · 2026-000001 · €1.19"); absent facts are left out.
   */
  describe(...facts: (string | null | undefined)[]): void;
  /** Sets a summary line built whole (by the contract's own summary function). */
  describeAs(summary: string): void;
  /** The idempotency key of a step towards an outside system: `<workflow id>/<step>/<part…>`. */
  stepKey(step: string, ...parts: (string | number)[]): string;
}

/** Registers the `status` query and sets the search attributes; call first in a workflow. */
export function openProcess<Status extends ProcessState>(options: OpenProcessOptions<Status>): ProcessRun<Status> {
  const { workflowId } = workflowInfo();
  let current = options.initial;
  const status = (): Status => ({ ...current, waitingFor: options.waitingFor(current) }) as Status;
  setHandler(options.query, status);
  const run: ProcessRun<Status> = {
    workflowId,
    status,
    enter(step, changes = {}, searchValue = step) {
      current = { ...current, ...changes, step };
      upsertSearchAttributes([{ key: ProcessStatusAttribute, value: searchValue }]);
    },
    update(changes) {
      current = { ...current, ...changes };
    },
    describe(...facts) {
      setCurrentDetails(processSummary(options.definition, ...facts));
    },
    describeAs(summary) {
      setCurrentDetails(summary);
    },
    stepKey(step, ...parts) {
      return stepKey(workflowId, step, ...parts);
    },
  };
  options.handlers?.(run);
  const keys = options.keys ?? [];
  const first = { key: ProcessStatusAttribute, value: current.step };
  if (keys.length > 0 && options.firstUpsert === 'keys-then-status') {
    upsertSearchAttributes(keys);
    upsertSearchAttributes([first]);
  } else {
    upsertSearchAttributes([...keys, first]);
  }
  return run;
}

/** `<workflow id>/<step>/<part…>`: the same step of the same run always gets the same key. */
export function stepKey(workflowId: string, step: string, ...parts: (string | number)[]): string {
  return [workflowId, step, ...parts].join('/');
}
