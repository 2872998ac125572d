import type { Core } from '@strapi/strapi';
import { currentAttempt } from './database';

/**
 * Runs `work` once the current transaction commits (at once outside one). Never throws into the
 * commit: `work` runs detached and its failure is logged. Work scheduled by an attempt of a
 * money transaction that was rolled back and retried never runs: the retry schedules its own.
 */
export const afterCommit = async (strapi: Core.Strapi, work: () => Promise<void>) => {
  const attempt = currentAttempt();
  const detached = () => {
    if (attempt?.failed) return;
    setImmediate(() =>
      work().catch((error: Error) =>
        strapi.log.error(`[partners] after-commit work failed: ${error.message}`)
      )
    );
  };
  if (!strapi.db.inTransaction()) return detached();
  await strapi.db.transaction(async ({ onCommit }) => onCommit(detached));
};

/** Emits `event`; a listener's failure is logged, never thrown into the caller. */
export const emitEvent = async (strapi: Core.Strapi, event: string, payload: unknown) => {
  try {
    await strapi.eventHub.emit(event, payload);
  } catch (error) {
    strapi.log.error(`[partners] a listener of ${event} failed: ${(error as Error).message}`);
  }
};
