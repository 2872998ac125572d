import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import Stripe from 'stripe';
import { unattributedReason } from '../../../plugin/attribution';
import { orderInputSchema } from '../../../plugin/contracts/orders';
import { uid } from '../../../plugin/model';
import {
  mapStripeEvent,
  type StripeAction,
  type StripeCustomer,
} from '../../../plugin/stripe/map-stripe-event';
import { stripeEventSchema, type StripeEvent } from '../../../plugin/stripe/stripe-event-schema';
import { stripeClient as stripeApiClient } from '../payouts/stripe-transfer';
import { moneyTransaction } from '../platform/database';
import { getPluginConfig, getService } from '../platform/plugin-context';
import { parseInput } from '../platform/validation';
import { isTransientDatabaseError } from './stripe-failures';

const ORDER = uid('order');

export type StripeAttempt = { ok: true; ignored: string | null } | { ok: false; error: unknown };

/**
 * Stripe (SPEC §7): verifies webhook signatures on the raw body, stores each event id once, and
 * turns events into orders, refunds, disputes, declined charges and churn. Every effect is
 * convergent, so duplicated and out-of-order deliveries end in the same state.
 */
const createStripeService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => {
    const { stripe } = getPluginConfig({ strapi });
    return {
      secretKey: stripe.secretKey ?? process.env.STRIPE_SECRET_KEY,
      webhookSecret: stripe.webhookSecret ?? process.env.STRIPE_WEBHOOK_SECRET,
    };
  };
  let client: Stripe | null = null;
  /** The SDK client; signature checks need no API key, so a placeholder serves until one is set. */
  const stripeClient = () => {
    client ??= new Stripe(settings().secretKey ?? 'sk_not_configured');
    return client;
  };

  /**
   * Orders of the customer's subscription that arrived before the checkout naming its referral
   * (Stripe does not order events): settled again, oldest payment first, so the first becomes the
   * sale and the others its renewals. Settling runs the usual attribution and ledger, whose
   * idempotency keys make a replay harmless.
   */
  const attributeEarlierOrders = async (customer: StripeCustomer) => {
    if (!customer.subscriptionId) return;
    const waiting = await strapi.db.query(ORDER).findMany({
      where: { subscriptionId: customer.subscriptionId, partnerId: { $null: true } },
      orderBy: [{ paidAt: 'asc' }, { id: 'asc' }],
      select: ['id'],
    });
    const orders = getService('orders', { strapi });
    for (const { id } of waiting) await orders.settle(id);
  };

  /**
   * A subscription invoice no referral claims yet: with a Stripe key configured, the checkout
   * session that started the subscription (read from Stripe's API) names the referral now, as its
   * `checkout.session.completed` event will when it arrives. Without a key the invoice waits for
   * that event. An API error fails the event, and the retry job asks again later.
   */
  const claimFromCheckoutSession = async (subscriptionId: string) => {
    const config = getPluginConfig({ strapi }).stripe;
    if (!settings().secretKey) return;
    const sessions = await stripeApiClient(config).checkout.sessions.list({
      subscription: subscriptionId,
      limit: 1,
    });
    const session = sessions.data.find((candidate) => candidate.status === 'complete');
    if (!session) return;
    const action = mapStripeEvent({
      type: 'checkout.session.completed',
      data: { object: session },
    });
    if (action.kind === 'claim') await apply(action);
  };

  const apply = async (action: StripeAction): Promise<string | null> => {
    switch (action.kind) {
      case 'ignore':
        return action.reason;
      case 'churn':
        await getService('attribution', { strapi }).setCustomerStatus(action.customerExternalId, {
          status: 'churned',
        });
        return null;
      case 'claim': {
        const attribution = await moneyTransaction(strapi, () =>
          getService('attribution', { strapi }).attributeOrder(action.customer)
        );
        if (!attribution) return unattributedReason(action.customer);
        await attributeEarlierOrders(action.customer);
        return null;
      }
      case 'order': {
        const { aliases, ...order } = action.order;
        const parsed = orderInputSchema.safeParse({ ...order, status: 'pending' });
        if (!parsed.success) return `not an order we can store: ${parsed.error.issues[0].message}`;
        const { order: stored } = await getService('orders', { strapi }).record(
          parsed.data,
          'stripe',
          action.events,
          { moneyIsAuthoritative: action.moneyIsAuthoritative, aliases }
        );
        const paid = action.events.some((event) => event.type === 'paid');
        if (order.subscriptionId && paid && !stored.partner) {
          await claimFromCheckoutSession(order.subscriptionId);
        }
        return null;
      }
    }
  };

  return {
    /** `stripe.webhooks.constructEvent` on the exact bytes Stripe sent. */
    verify(rawBody: Buffer | undefined, signature: string | undefined): StripeEvent {
      const { webhookSecret } = settings();
      if (!webhookSecret) {
        throw new errors.ApplicationError(
          'Stripe webhooks are not configured (stripe.webhookSecret)'
        );
      }
      if (!rawBody || !signature) {
        throw new errors.ValidationError('Missing Stripe-Signature header or body');
      }
      let event: unknown;
      try {
        event = stripeClient().webhooks.constructEvent(rawBody, signature, webhookSecret);
      } catch (error) {
        throw new errors.ValidationError(`Invalid Stripe signature: ${(error as Error).message}`);
      }
      // Signed is not well-formed: what does not fit is a 400 before anything is stored.
      return parseInput(stripeEventSchema, event);
    },

    /**
     * Applies a verified event and records the outcome on its row: processed or ignored, or
     * failed with the reason and the retry job's next attempt. The webhook, the retry job and
     * the admin's replay all come through here; every effect is idempotent.
     */
    async attempt(event: StripeEvent, at = new Date()): Promise<StripeAttempt> {
      const log = getService('stripe-event-log', { strapi });
      let ignored: string | null;
      try {
        ignored = await apply(mapStripeEvent(event));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await log.failed(event.id, reason, { at });
        return { ok: false, error };
      }
      await log.applied(event.id, ignored, at);
      return { ok: true, ignored };
    },

    /** Records the event once and applies it; a redelivery of a processed event changes nothing. */
    async handle(event: StripeEvent) {
      const log = getService('stripe-event-log', { strapi });
      const seen = await log.state(event.id);
      if (seen === 'processed' || seen === 'ignored') return { eventId: event.id, duplicate: true };
      // A crash mid-way leaves the event `processing`, an error `failed`: a redelivery (or the
      // retry job) applies it again, which is safe because every effect is idempotent.
      if (!seen) await log.received(event);
      const outcome = await this.attempt(event);
      if (!outcome.ok) {
        const { error } = outcome;
        // Only a database that may answer differently next time is worth Stripe's retries.
        if (isTransientDatabaseError(error)) throw error;
        if (error instanceof errors.ApplicationError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new errors.ApplicationError(`The Stripe event could not be applied: ${reason}`);
      }
      return { eventId: event.id, duplicate: false, ignored: outcome.ignored ?? undefined };
    },
  };
};

export type StripeService = ReturnType<typeof createStripeService>;
export default createStripeService;
