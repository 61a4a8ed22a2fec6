import fp from 'fastify-plugin';
import { Client, Connection } from '@temporalio/client';

/** What routes use to start, signal, query and update workflows. */
export interface TemporalAccess {
  readonly client: Client;
  readonly connection: Connection;
  readonly namespace: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The Temporal client; connects on first use, so the API starts while Temporal is down. */
    temporal: TemporalAccess;
  }
}

/** Options of {@link temporalPlugin}. */
export interface TemporalPluginOptions {
  address: string;
  namespace: string;
  /** A connection owned by the caller (left open on close); otherwise one is made and closed here. */
  connection?: Connection | undefined;
}

/**
 * A lazily connected Temporal client. gRPC re-establishes a dropped channel by itself, so one
 * connection serves the app for its whole life; callers set deadlines on their own calls.
 */
export const temporalPlugin = fp<TemporalPluginOptions>(
  async (app, options) => {
    const connection = options.connection ?? Connection.lazy({ address: options.address, connectTimeout: '5s' });
    const client = new Client({ connection, namespace: options.namespace });
    app.decorate('temporal', { client, connection, namespace: options.namespace });
    if (options.connection === undefined) app.addHook('onClose', async () => connection.close());
  },
  { name: 'fanfare-temporal' },
);
