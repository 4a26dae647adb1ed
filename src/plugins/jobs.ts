/**
 * Scheduled jobs: expiring penalty publications past their period (PDR art. 13), at start and every hour.
 * Only the server turns it on (`buildApp({ jobs: true })`); tests and scripts run the same work through
 * POST /v1/publications/expiry-runs. A failed run is logged and retried on the next tick, never fatal.
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client';
import { expirePublications } from '../modules/publications/publications.service';

export interface JobsOptions {
  db: Db;
  now: () => Date;
  enabled: boolean;
  /** Between runs; one hour by default. */
  intervalMs?: number;
}

const HOUR_MS = 60 * 60 * 1000;

const jobsPlugin: FastifyPluginAsync<JobsOptions> = async (app, options) => {
  if (!options.enabled) return;
  const { db, now } = options;
  let running: Promise<void> | null = null;
  const run = async () => {
    try {
      const expired = await db.transaction((tx) => expirePublications(tx, now()));
      if (expired > 0) app.log.info({ expired }, 'publications expired');
    } catch (err) {
      app.log.error({ err }, 'publication expiry job failed');
    }
  };
  const expire = () => {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void expire(), options.intervalMs ?? HOUR_MS);
  timer.unref();
  app.addHook('onReady', async () => {
    void expire();
  });
  // The database closes after this hook: let a run in progress finish first.
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
};

export const jobs = fp(jobsPlugin, { name: 'jobs' });
