import { ConfigError, loadConfig, type FanfareConfig } from '@fanfare/config';
import { Runtime } from '@temporalio/worker';
import { pino } from 'pino';
import { startWorker } from './start-worker.js';
import { temporalLoggerFrom } from './temporal-logger.js';

/**
 * The worker process: `pnpm dev:worker`. Exits 1 on bad configuration or when it cannot start,
 * 0 after a clean shutdown on SIGINT or SIGTERM.
 */
async function main(): Promise<number> {
  let config: FanfareConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const logger = pino({ name: 'fanfare-worker', level: config.logLevel });
  // The SDK's own signal handling is off: this process decides the order of shutdown.
  Runtime.install({ logger: temporalLoggerFrom(logger.child({ component: 'temporal-sdk' })), shutdownSignals: [] });
  try {
    const worker = await startWorker(config, logger, { ffprobePath: config.media.ffprobePath });
    const stop = (signal: NodeJS.Signals): void => {
      logger.info({ signal }, 'Shutting down: finishing in-flight tasks');
      void worker.shutdown();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await worker.running;
    logger.info('Worker stopped');
    return 0;
  } catch (error) {
    logger.fatal({ err: error }, 'Worker failed');
    return 1;
  }
}

// Exit explicitly: the Temporal runtime keeps native handles that would hold the process open.
process.exit(await main());
