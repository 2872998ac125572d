import type { Core } from '@strapi/strapi';
import { currentAttempt } from './database';

/** After-commit work scheduled and not finished yet, per Strapi instance. */
const pending = new WeakMap<Core.Strapi, Set<Promise<void>>>();
const pendingOf = (strapi: Core.Strapi) => {
  let set = pending.get(strapi);
  if (!set) {
    set = new Set();
    pending.set(strapi, set);
  }
  return set;
};

/**
 * At shutdown, before the database closes: waits for the after-commit work still running
 * (events, webhooks, e-mails), and for the work it schedules in turn, up to `timeoutMs`.
 */
export const finishAfterCommitWork = async (strapi: Core.Strapi, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  const set = pendingOf(strapi);
  while (set.size > 0 && Date.now() < deadline) {
    const left = deadline - Date.now();
    await Promise.race([
      Promise.allSettled([...set]),
      new Promise((resolve) => setTimeout(resolve, left).unref()),
    ]);
  }
  if (set.size > 0)
    strapi.log.warn(`[partners] ${set.size} after-commit task(s) still running at shutdown`);
};

/**
 * Runs `work` once the current transaction commits (at once outside one). Never throws into the
 * commit: `work` runs detached and its failure is logged. Work scheduled by an attempt of a
 * money transaction that was rolled back and retried never runs: the retry schedules its own.
 */
export const afterCommit = async (strapi: Core.Strapi, work: () => Promise<void>) => {
  const attempt = currentAttempt();
  const detached = () => {
    if (attempt?.failed) return;
    const running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: Error) => {
        strapi.log.error(`[partners] after-commit work failed: ${error.message}`);
      })
      .finally(() => pendingOf(strapi).delete(running));
    pendingOf(strapi).add(running);
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
