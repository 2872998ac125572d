import type { Core } from '@strapi/strapi';
import { uid } from '../../../plugin/model';
import { previousPayoutPeriod } from '../../../plugin/payouts';
import { isUniqueViolation } from './database';
import { getPluginConfig, getService } from './plugin-context';

const JOB_RUN = uid('job-run');

/** The tick a moment belongs to: every node computes the same key for the same window. */
export const tickOf = (at: Date, everyMinutes: number) =>
  new Date(
    Math.floor(at.getTime() / (everyMinutes * 60_000)) * everyMinutes * 60_000
  ).toISOString();

/** `jobs.tickSeconds` (tests, demos): every job runs every N seconds, once per N-second window. */
const everySeconds = (seconds: number) => ({
  tick: (at: Date) =>
    new Date(Math.floor(at.getTime() / (seconds * 1000)) * seconds * 1000).toISOString(),
  rule: `*/${seconds} * * * * *`,
});

/** A job every `minutes`: its tick is the window, so it runs once per window. */
const every = (minutes: number) => ({
  tick: (at: Date) => tickOf(at, minutes),
  rule: minutes >= 60 ? '0 * * * *' : `*/${minutes} * * * *`,
});

/**
 * A job about the month before: its tick is that month ("2026-01"), so it runs once per month.
 * It is scheduled on the first three days (02:00 UTC) so a cluster that was down on the 1st
 * still runs it; whichever node claims the month first does the work.
 */
const monthly = { tick: (at: Date) => previousPayoutPeriod(at), rule: '0 2 1-3 * *' };

/**
 * Plugin jobs (SPEC §10): each runs once per tick however many Strapi nodes share the database.
 * The claim is an insert into a table with a unique (job, tick) index: one node's insert
 * succeeds, the others' are refused and they skip the tick. The jobs themselves are idempotent.
 */
const createJobsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const JOBS = {
    'approve-commissions': {
      ...every(5),
      run: (now: string) => getService('commissions', { strapi }).approveDue(now),
    },
    'qualify-customers': {
      ...every(60),
      run: (now: string) => getService('commissions', { strapi }).grantQualifiedBounties(now),
    },
    'retry-stripe-events': {
      ...every(5),
      run: (now: string) => getService('stripe-events', { strapi }).retryDue(now),
    },
    'expire-deals': {
      ...every(60),
      run: (now: string) => getService('deals', { strapi }).expireDue(now),
    },
    'analytics-rollups': {
      ...every(5),
      run: () => getService('rollups', { strapi }).refresh({ force: true }),
    },
    'payout-run': {
      ...monthly,
      run: (now: string) =>
        getService('payouts', { strapi }).run(previousPayoutPeriod(now), new Date(now)),
    },
    'monthly-statements': {
      ...monthly,
      run: (now: string) =>
        getService('notifications', { strapi }).sendMonthlyStatements(previousPayoutPeriod(now)),
    },
  } as const;
  type JobName = keyof typeof JOBS;

  const scheduleOf = (job: JobName) => {
    const { tickSeconds } = getPluginConfig({ strapi }).jobs;
    return tickSeconds ? everySeconds(tickSeconds) : JOBS[job];
  };

  const runOnce = async (job: JobName, at = new Date()) => {
    const tick = scheduleOf(job).tick(at);
    let claim: { id: number };
    try {
      claim = await strapi.db.query(JOB_RUN).create({ data: { job, tick } });
    } catch (error) {
      if (isUniqueViolation(error)) return { job, tick, ran: false as const };
      throw error;
    }
    const result = await JOBS[job].run(at.toISOString());
    await strapi.db.query(JOB_RUN).update({
      where: { id: claim.id },
      data: { finishedAt: new Date().toISOString(), result },
    });
    return { job, tick, ran: true as const, result };
  };

  return {
    runOnce,

    /** Registers the cron tasks, unless `jobs.enabled` is false for this node. */
    schedule() {
      if (!getPluginConfig({ strapi }).jobs.enabled) return;
      for (const job of Object.keys(JOBS) as JobName[]) {
        strapi.cron.add({
          [`partners:${job}`]: {
            // The scheduled instant, not the moment the timer woke up: every node names the
            // same tick even when one fires a few milliseconds early or late.
            task: (_context: unknown, fireDate: unknown) =>
              runOnce(job, fireDate instanceof Date ? fireDate : new Date()).catch((error) =>
                strapi.log.error(`[partners] job ${job} failed: ${(error as Error).message}`)
              ),
            options: { rule: scheduleOf(job).rule, tz: 'Etc/UTC' },
          },
        });
      }
    },
  };
};

export type JobsService = ReturnType<typeof createJobsService>;
export default createJobsService;
