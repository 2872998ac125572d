import type { Core } from '@strapi/strapi';
import type { ListStripeEventsQuery, StripeEventView } from '../../../plugin/contracts/admin';
import { uid, type StripeEventState } from '../../../plugin/model';
import { nextStripeAttemptAt } from '../../../plugin/stripe/retry-schedule';
import { stripeEventSchema, type StripeEvent } from '../../../plugin/stripe/stripe-event-schema';
import { isUniqueViolation } from '../platform/database';
import { iso, type RawRow } from '../platform/rows';

const STRIPE_EVENT = uid('stripe-event');
const MAX_TEXT = 1000;
/** A `processing` row this old was left by a crash mid-way: the retry job picks it up. */
const STUCK_AFTER_MS = 10 * 60_000;
const VIEW_COLUMNS = [
  'documentId',
  'eventId',
  'type',
  'livemode',
  'state',
  'createdAt',
  'processedAt',
  'attempts',
  'lastError',
  'note',
  'nextAttemptAt',
] as const;

const toView = (row: RawRow): StripeEventView => ({
  documentId: String(row.documentId),
  eventId: String(row.eventId),
  type: String(row.type),
  livemode: Boolean(row.livemode),
  state: row.state as StripeEventState,
  receivedAt: iso(row.createdAt) as string,
  processedAt: iso(row.processedAt),
  attempts: Number(row.attempts ?? 0),
  lastError: (row.lastError as string | null) ?? null,
  note: (row.note as string | null) ?? null,
  nextAttemptAt: iso(row.nextAttemptAt),
});

/** A stored event, typed where it leaves the database; null when it was stored without one. */
const storedEvent = (payload: unknown): StripeEvent | null => {
  let value = payload;
  try {
    if (typeof payload === 'string') value = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = stripeEventSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/**
 * The `partners_stripe_events` table, its only writer: each event Stripe sent, stored once by its
 * id with the verified payload (what a retry or replay applies again), its state, its attempts
 * and the last error.
 */
const createStripeEventLogService = ({ strapi }: { strapi: Core.Strapi }) => {
  const events = () => strapi.db.query(STRIPE_EVENT);

  /** Counts one more attempt; concurrent attempts of one event may be counted once. */
  const attemptsAfterThis = async (eventId: string) => {
    const row = await events().findOne({ where: { eventId }, select: ['attempts'] });
    return Number(row?.attempts ?? 0) + 1;
  };

  return {
    async state(eventId: string): Promise<StripeEventState | null> {
      const row = await events().findOne({ where: { eventId }, select: ['state'] });
      return row ? (row.state as StripeEventState) : null;
    },

    /** Stores a verified event once (a concurrent delivery may have stored it first). */
    async received(event: StripeEvent, at = new Date()) {
      try {
        await events().create({
          data: {
            eventId: event.id,
            type: event.type,
            livemode: event.livemode,
            state: 'processing',
            payload: event,
            attempts: 0,
            nextAttemptAt: new Date(at.getTime() + STUCK_AFTER_MS).toISOString(),
          },
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    },

    async applied(eventId: string, ignoredReason: string | null, at = new Date()) {
      await events().update({
        where: { eventId },
        data: {
          state: ignoredReason ? 'ignored' : 'processed',
          note: ignoredReason,
          processedAt: at.toISOString(),
          attempts: await attemptsAfterThis(eventId),
          nextAttemptAt: null,
        },
      });
    },

    /** A failed attempt; `final` (nothing left to apply) schedules no retry. */
    async failed(eventId: string, reason: string, { at = new Date(), final = false } = {}) {
      const attempts = await attemptsAfterThis(eventId);
      await events().update({
        where: { eventId },
        data: {
          state: 'failed',
          lastError: reason.slice(0, MAX_TEXT),
          processedAt: null,
          attempts,
          nextAttemptAt: final ? null : nextStripeAttemptAt(attempts, at),
        },
      });
    },

    /** The stored event of an admin row (404 when there is none), and its payload if it has one. */
    async findByDocumentId(documentId: string) {
      const row = await events().findOne({
        where: { documentId },
        select: [...VIEW_COLUMNS, 'payload'],
      });
      return row ? { view: toView(row), event: storedEvent(row.payload) } : null;
    },

    /** Failed events whose next attempt is due, and ones a crash left `processing`, oldest first. */
    async due(now: Date, limit: number) {
      const rows: RawRow[] = await events().findMany({
        where: {
          state: { $in: ['failed', 'processing'] },
          nextAttemptAt: { $notNull: true, $lte: now.toISOString() },
        },
        orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
        limit,
        select: ['eventId', 'payload'],
      });
      return rows.map((row) => ({ eventId: String(row.eventId), event: storedEvent(row.payload) }));
    },

    async list(query: ListStripeEventsQuery) {
      const { results, pagination } = await events().findPage({
        where: query.state ? { state: query.state } : {},
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: [...VIEW_COLUMNS],
        page: query.page,
        pageSize: query.pageSize,
      });
      return { results: (results as RawRow[]).map(toView), pagination };
    },
  };
};

export type StripeEventLogService = ReturnType<typeof createStripeEventLogService>;
export default createStripeEventLogService;
