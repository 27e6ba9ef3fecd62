import { loadServerConfig } from '../config/load-config.ts';
import { createLogger } from '../log.ts';
import { startWinback } from '../main.ts';

/** `winback start`: runs until SIGINT/SIGTERM, then shuts down in order and exits. */
export async function runStart(): Promise<void> {
  const config = loadServerConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const running = await startWinback(config, logger);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
