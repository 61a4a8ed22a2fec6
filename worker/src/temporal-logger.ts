import type { LogLevel, LogMetadata, Logger } from '@temporalio/worker';
import type { Logger as PinoLogger } from 'pino';

const PINO_METHOD = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/** The Temporal SDK's logger interface over pino, so SDK and workflow logs land in the same stream. */
export function temporalLoggerFrom(logger: PinoLogger): Logger {
  const log = (level: LogLevel, message: string, meta?: LogMetadata): void => {
    logger[PINO_METHOD[level]](meta ?? {}, message);
  };
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}
