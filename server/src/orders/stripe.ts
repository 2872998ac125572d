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
import { isUniqueViolation, moneyTransaction } from '../platform/database';
import { getPluginConfig, getService } from '../platform/plugin-context';
import { parseInput } from '../platform/validation';
import { isTransientDatabaseError } from './stripe-failures';

const STRIPE_EVENT = uid('stripe-event');
const ORDER = uid('order');
const MAX_NOTE = 1000;

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
        await getService('orders', { strapi }).record(parsed.data, 'stripe', action.events, {
          moneyIsAuthoritative: action.moneyIsAuthoritative,
          aliases,
        });
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

    /** Records the event once and applies it; a redelivery of a processed event changes nothing. */
    async handle(event: StripeEvent) {
      const events = strapi.db.query(STRIPE_EVENT);
      const seen = await events.findOne({ where: { eventId: event.id } });
      if (seen && seen.state !== 'processing' && seen.state !== 'failed') {
        return { eventId: event.id, duplicate: true };
      }
      if (!seen) {
        try {
          await events.create({
            data: {
              eventId: event.id,
              type: event.type,
              livemode: event.livemode,
              state: 'processing',
            },
          });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
      // A crash mid-way leaves the event `processing`, an error `failed`: a redelivery applies it
      // again, which is safe because every effect below is idempotent.
      let ignored: string | null;
      try {
        ignored = await apply(mapStripeEvent(event));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await events.update({
          where: { eventId: event.id },
          data: { state: 'failed', note: reason.slice(0, MAX_NOTE), processedAt: null },
        });
        // Only a database that may answer differently next time is worth Stripe's retries.
        if (isTransientDatabaseError(error)) throw error;
        if (error instanceof errors.ApplicationError) throw error;
        throw new errors.ApplicationError(`The Stripe event could not be applied: ${reason}`);
      }
      await events.update({
        where: { eventId: event.id },
        data: {
          state: ignored ? 'ignored' : 'processed',
          note: ignored,
          processedAt: new Date().toISOString(),
        },
      });
      return { eventId: event.id, duplicate: false, ignored: ignored ?? undefined };
    },
  };
};

export type StripeService = ReturnType<typeof createStripeService>;
export default createStripeService;
