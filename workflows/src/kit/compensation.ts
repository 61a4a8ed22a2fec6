/** One registered undo: a name for logs and tests, and just enough to undo the step. */
interface CompensationEntry<Why> {
  step: string;
  undo(why: Why): Promise<void> | void;
}

/**
 * A compensation stack (Temporal's saga sample, Medusa's `createStep(invoke, compensate)`): each
 * step registers its own undo right beside itself, and when the process gives up the undos run
 * newest first, once each. `Why` is what the undos are told about the ending (expired, failed…).
 */
export class Compensations<Why = void> {
  readonly #entries: CompensationEntry<Why>[] = [];

  /** The steps that would be undone, oldest first. */
  get steps(): string[] {
    return this.#entries.map((entry) => entry.step);
  }

  /** Registers the undo of a step that has already happened (or of a change in workflow memory). */
  register(step: string, undo: (why: Why) => Promise<void> | void): void {
    this.#entries.push({ step, undo });
  }

  /**
   * Runs `invoke`; only when it succeeds is `compensate` registered, with what it returned, so an
   * undo never runs for a step that did not happen.
   */
  async step<T>(step: string, invoke: () => Promise<T>, compensate: (result: T, why: Why) => Promise<void> | void) {
    const result = await invoke();
    this.register(step, (why) => compensate(result, why));
    return result;
  }

  /** Runs every registered undo, newest first, and forgets them. */
  async compensate(why: Why): Promise<void> {
    for (let entry = this.#entries.pop(); entry !== undefined; entry = this.#entries.pop()) await entry.undo(why);
  }

  /** Forgets the undos once the process has committed (nothing left to give back). */
  commit(): void {
    this.#entries.length = 0;
  }
}

/**
 * Runs `body` with a fresh stack; when it throws, undoes what it registered and rethrows. For a
 * unit of work that must leave nothing behind on failure (a refund Stripe refuses).
 */
export async function withCompensation<T>(body: (saga: Compensations<unknown>) => Promise<T>): Promise<T> {
  const saga = new Compensations<unknown>();
  try {
    return await body(saga);
  } catch (error) {
    await saga.compensate(error);
    throw error;
  }
}
