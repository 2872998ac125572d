import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ListStripeEventsQuery, StripeEventView } from '../../../plugin/contracts/admin';
import { getService } from '../platform/plugin-context';

/** Events one run of the retry job applies at most; the rest wait for the next tick. */
const RETRY_BATCH = 100;
const NO_PAYLOAD = 'The event was stored without its payload and cannot be applied again';

/**
 * Received Stripe events for the admin (list, replay) and the retry job: both apply the stored,
 * verified event again through `stripe.attempt`, which records the outcome on the event.
 */
const createStripeEventsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const log = () => getService('stripe-event-log', { strapi });

  return {
    list: (query: ListStripeEventsQuery) => log().list(query),

    /** Applies one event again, whatever its state; answers it as it is afterwards. */
    async replay(documentId: string): Promise<StripeEventView> {
      const found = await log().findByDocumentId(documentId);
      if (!found) throw new errors.NotFoundError('No such Stripe event');
      if (!found.event) throw new errors.ValidationError(NO_PAYLOAD);
      await getService('stripe', { strapi }).attempt(found.event);
      const after = await log().findByDocumentId(documentId);
      return (after ?? found).view;
    },

    /**
     * The retry job: applies failed events whose next attempt is due (and ones a crash left
     * `processing`), oldest first. Each failure schedules the next attempt, further apart, until
     * the event is out of attempts.
     */
    async retryDue(now: string) {
      const at = new Date(now);
      const due = await log().due(at, RETRY_BATCH);
      const stripe = getService('stripe', { strapi });
      let applied = 0;
      let failed = 0;
      for (const { eventId, event } of due) {
        if (!event) {
          await log().failed(eventId, NO_PAYLOAD, { at, final: true });
          failed += 1;
          continue;
        }
        const outcome = await stripe.attempt(event, at);
        if (outcome.ok) applied += 1;
        else failed += 1;
      }
      return { retried: due.length, applied, failed };
    },
  };
};

export type StripeEventsService = ReturnType<typeof createStripeEventsService>;
export default createStripeEventsService;
