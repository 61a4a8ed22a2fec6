/** The floor's only activity: does nothing, so what is measured is Temporal's cost per step. */
export interface FloorActivities {
  nothing(): Promise<void>;
}

/** The implementation the bench's floor worker registers. */
export const floorActivities: FloorActivities = {
  async nothing() {},
};
