import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import Stripe from 'stripe';
import { unattributedReason } from '../../../plugin/attribution';
import { orderInputSchema } from '../../../plugin/contracts/orders';
import { uid } from '../../../plugin/model';
import { mapStripeEvent, type StripeAction } from '../../../plugin/stripe/map-stripe-event';
import { isUniqueViolation, moneyTransaction } from '../platform/database';
import { getPluginConfig, getService } from '../platform/plugin-context';

const STRIPE_EVENT = uid('stripe-event');

/**
 * Stripe (SPEC §7): verifies webhook signatures on the raw body, stores each event id once, and
 * turns events into orders, refunds, disputes, declined charges and churn. Every effect is
 * convergent, so duplicated and out-of-order deliveries end in the same state.
 */
/**
 * What the plugin reads of a verified Stripe event. Its own type rather than `Stripe.Event`, so
 * the plugin's declarations name no file inside the stripe package.
 */
export interface VerifiedStripeEvent {
  id: string;
  type: string;
  livemode: boolean;
  data: { object: unknown };
}

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
        return attribution ? null : unattributedReason(action.customer);
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
    verify(rawBody: Buffer | undefined, signature: string | undefined): VerifiedStripeEvent {
      const { webhookSecret } = settings();
      if (!webhookSecret) {
        throw new errors.ApplicationError(
          'Stripe webhooks are not configured (stripe.webhookSecret)'
        );
      }
      if (!rawBody || !signature) {
        throw new errors.ValidationError('Missing Stripe-Signature header or body');
      }
      try {
        return stripeClient().webhooks.constructEvent(rawBody, signature, webhookSecret);
      } catch (error) {
        throw new errors.ValidationError(`Invalid Stripe signature: ${(error as Error).message}`);
      }
    },

    /** Records the event once and applies it; a redelivery of a processed event changes nothing. */
    async handle(event: VerifiedStripeEvent) {
      const events = strapi.db.query(STRIPE_EVENT);
      const seen = await events.findOne({ where: { eventId: event.id } });
      if (seen && seen.state !== 'processing') return { eventId: event.id, duplicate: true };
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
      // A crash mid-way leaves the event `processing`: its redelivery applies it again, which is
      // safe because every effect below is idempotent.
      const ignored = await apply(mapStripeEvent(event));
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
