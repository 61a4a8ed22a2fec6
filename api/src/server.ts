import { ConfigError, loadConfig, type FanfareConfig } from '@fanfare/config';
import { buildApp } from './app.js';

/**
 * Starts the API: reads the configuration (a bad one stops the process with every problem
 * named), listens on `API_HOST:API_PORT`, and on SIGINT/SIGTERM stops taking requests, lets the
 * ones in flight finish and closes the ORM and the Temporal connection.
 */
async function main(): Promise<void> {
  let config: FanfareConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const app = await buildApp({ config });
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const address = await app.listen({ host: config.api.host, port: config.api.port });
  app.log.info(`Fanfare API listening at ${address}; public URL ${config.api.publicUrl}, docs at /docs`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Fanfare API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
