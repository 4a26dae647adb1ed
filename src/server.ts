/**
 * The process entry point, and the only file that reads the environment or listens.
 * Configuration errors stop the process with one line naming the variable; SIGTERM/SIGINT stop
 * accepting connections, let in-flight requests finish, then close the database.
 */
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config/env';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }

  const app = await buildApp({ config, housekeeping: true, jobs: true });

  closeWithGrace({ delay: config.shutdownTimeoutMs }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an unexpected error');
    else app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    await app.close();
    app.log.info('shutdown complete');
  });

  await app.listen({ host: config.host, port: config.port });
  app.log.info(
    { database: app.database.kind, docs: `http://${config.host}:${config.port}/docs` },
    'Fazhi is ready',
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`Fazhi failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
