import {
  checkFfprobe,
  createActivityGroups,
  createMailer,
  createStripeClient,
  StripePaymentGateway,
} from '@fanfare/activities';
import type { ActivityGroups } from '@fanfare/contracts';
import type { FanfareConfig } from '@fanfare/config';
import { createOrm, type MikroORM } from '@fanfare/db';
import { createBlobStore, type BlobStore } from '@fanfare/storage';
import { moneyAdapters } from './money-adapters.js';

/** What configuration does not (yet) say: where ffprobe is and where probes copy blobs. */
export interface ComposeOptions {
  /** `ffprobe` on the PATH by default. */
  ffprobePath?: string;
  workDir?: string;
}

/** The adapters a worker runs its activities over, and how to release them. */
export interface WorkerComposition {
  /** Every activity, by the group names of the process registry. */
  groups: ActivityGroups;
  blobs: BlobStore;
  orm: MikroORM;
  /** The `ffprobe -version` line, for the start-up log. */
  ffprobeVersion: string;
  close(): Promise<void>;
}

/**
 * Builds every activity over the adapters `config` chooses (fs or S3 blobs, the configured
 * database). Checks ffprobe first so a worker that cannot probe never takes an ingest task.
 */
export async function composeWorker(config: FanfareConfig, options: ComposeOptions = {}): Promise<WorkerComposition> {
  const ffprobePath = options.ffprobePath ?? 'ffprobe';
  const ffprobeVersion = await checkFfprobe(ffprobePath);
  const blobs = createBlobStore(config.blobs);
  const orm = await createOrm(config.databaseUrl);
  const mailer = createMailer(config.mail.transport);
  const groups = createActivityGroups({
    blobs,
    em: orm.em,
    ffprobePath,
    // stripe-mock in development and tests (STRIPE_API_BASE), Stripe itself otherwise.
    payments: new StripePaymentGateway(
      createStripeClient({ secretKey: config.stripe.secretKey, apiBase: config.stripe.apiBase }),
    ),
    // Seller of record, VAT registry and FX feed, from the config's money section.
    ...moneyAdapters(config),
    // Mailpit in development and tests (SMTP_URL), SES or an SMTP relay in production.
    mailer,
    mailFrom: config.mail.from,
    storefrontUrlTemplate: config.mail.storefrontUrlTemplate,
    ...(options.workDir === undefined ? {} : { workDir: options.workDir }),
  });
  const close = async (): Promise<void> => {
    await Promise.all([orm.close(), mailer.close()]);
  };
  return { groups, blobs, orm, ffprobeVersion, close };
}
