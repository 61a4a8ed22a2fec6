import type {
  AssetActivities,
  AuditActivities,
  CapacityActivities,
  DiscountActivities,
  EntitlementActivities,
  FxActivities,
  InvoiceActivities,
  MailActivities,
  MediaActivities,
  OrderActivities,
  PaymentActivities,
  StorageActivities,
  TrackActivities,
  TranscodeActivities,
  VatActivities,
} from './ports/index.js';

/**
 * Every activity group by name, as the workflows call them. `@fanfare/activities` builds one
 * object of this shape; the worker registers, per task queue, the groups its processes name.
 */
export interface ActivityGroups {
  storage: StorageActivities;
  media: MediaActivities;
  assets: AssetActivities;
  audit: AuditActivities;
  entitlements: EntitlementActivities;
  orders: OrderActivities;
  payments: PaymentActivities;
  discounts: DiscountActivities;
  capacity: CapacityActivities;
  invoices: InvoiceActivities;
  fx: FxActivities;
  vat: VatActivities;
  mail: MailActivities;
  transcoding: TranscodeActivities;
  tracks: TrackActivities;
}

/** The name of one activity group. */
export type ActivityGroup = keyof ActivityGroups;

/** What the worker needs to know about one business process to run it. */
export interface ProcessDefinition {
  /** The business name, first word of every execution summary ("Checkout"). */
  title: string;
  /** The workflow function's exported name, which is also its Temporal workflow type. */
  workflowType: string;
  taskQueue: string;
  /** The activity groups the workflow calls; the worker registers exactly these on its queue. */
  activities: readonly ActivityGroup[];
}

/** Declares one process; the identity function gives contracts a checked, literal-typed entry. */
export function defineProcess<const P extends ProcessDefinition>(process: P): P {
  return process;
}

/**
 * The line Temporal UI lists an execution by ("Checkout · aurora · 2026-000001 · €1.19"): the
 * process's title and the business facts known so far, absent ones left out.
 */
export function processSummary(process: Pick<ProcessDefinition, 'title'>, ...facts: (string | null | undefined)[]) {
  return [process.title, ...facts.filter((fact): fact is string => typeof fact === 'string' && fact !== '')].join(
    ' · ',
  );
}
