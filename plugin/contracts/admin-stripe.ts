import { z } from 'zod';
import { STRIPE_EVENT_STATES, type StripeEventState } from '../model';
import { pageQuery } from './admin-common';

/** Stripe events in the admin (SPEC §7, §9); part of ./admin.ts. Action: stripe-events.manage. */

/** `GET /stripe-events`: newest first, optionally in one state. */
export const listStripeEventsQuerySchema = z.strictObject({
  state: z.enum(STRIPE_EVENT_STATES).optional(),
  ...pageQuery,
});
export type ListStripeEventsQuery = z.output<typeof listStripeEventsQuerySchema>;

export interface StripeEventView {
  documentId: string;
  /** Stripe's id (`evt_…`). */
  eventId: string;
  type: string;
  livemode: boolean;
  state: StripeEventState;
  /** When the webhook first received it. */
  receivedAt: string;
  /** When it was last applied (processed or ignored); null while it has not been. */
  processedAt: string | null;
  /** How often it has been applied: the webhook's attempt, the retry job's and replays. */
  attempts: number;
  /** Why the last failed attempt failed (kept after a later success). */
  lastError: string | null;
  /** Why an ignored event was not used. */
  note: string | null;
  /** When the retry job applies it again; null when it will not (done, or out of attempts). */
  nextAttemptAt: string | null;
}

/**
 * `POST /stripe-events/:id/replay`: applies the stored event again, whatever its state, and
 * answers the event as it is afterwards. Effects are idempotent: replaying a processed event
 * changes nothing in the ledger.
 */
export interface ReplayStripeEventResponse {
  data: StripeEventView;
}
