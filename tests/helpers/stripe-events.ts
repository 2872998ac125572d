import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import fixtures from '../fixtures/stripe-objects.json';
import { commissionsOf } from './fixtures';
import type { TestApp } from './strapi';

/**
 * Stripe events for the webhook tests, built from Stripe's own example objects (its OpenAPI
 * fixtures, tests/fixtures/stripe-objects.json) and signed by the real `stripe` SDK.
 */

export const STRIPE_WEBHOOK_SECRET = `whsec_${randomBytes(16).toString('hex')}`;
export const stripeObjects = fixtures.resources as Record<string, Record<string, unknown>>;
const objects = stripeObjects;
const sdk = new Stripe('sk_test_unused');

const unique = () => randomBytes(5).toString('hex');
export const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export type StripeTestEvent = ReturnType<typeof stripeEvent>;

export const stripeEvent = (type: string, object: Record<string, unknown>) => ({
  ...objects.event,
  id: `evt_${unique()}`,
  type,
  created: unix('2026-03-01T00:00:00Z'),
  data: { object },
});

/** Signs `body` (a payload, or the exact text to send) and posts it to the webhook. */
export const deliverStripe = (
  app: TestApp,
  payload: unknown,
  { secret = STRIPE_WEBHOOK_SECRET, timestamp }: { secret?: string; timestamp?: number } = {}
) => {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2);
  const signature = sdk.webhooks.generateTestHeaderString({ payload: body, secret, timestamp });
  return app
    .request()
    .post('/api/partners/stripe/webhook')
    .set('Content-Type', 'application/json')
    .set('Stripe-Signature', signature)
    .send(body);
};

/**
 * A subscription customer's events: checkout, two monthly invoices of 50.00, and a refund of
 * the second (`refunded` of its 5000; in full by default).
 */
export const subscriptionStory = (code: string, { refunded = 5000 } = {}) => {
  const customer = `cus_${unique()}`;
  const subscription = `sub_${unique()}`;
  const email = `${customer}@shop.test`;
  const invoice = (n: number, paidAt: string) => ({
    ...objects.invoice,
    id: `in_${unique()}`,
    customer,
    customer_email: email,
    customer_name: 'Ada Lovelace',
    currency: 'usd',
    amount_due: 5000,
    amount_paid: 5000,
    status: 'paid',
    billing_reason: n === 1 ? 'subscription_create' : 'subscription_cycle',
    status_transitions: {
      ...(objects.invoice.status_transitions as object),
      paid_at: unix(paidAt),
    },
    parent: { type: 'subscription_details', subscription_details: { subscription, metadata: {} } },
    payments: {
      object: 'list',
      data: [
        {
          object: 'invoice_payment',
          payment: { type: 'payment_intent', payment_intent: `pi_${customer}_${n}` },
        },
      ],
    },
    lines: { object: 'list', data: [], has_more: false },
  });
  const checkout = stripeEvent('checkout.session.completed', {
    ...objects['checkout.session'],
    id: `cs_${unique()}`,
    mode: 'subscription',
    status: 'complete',
    payment_status: 'paid',
    client_reference_id: code,
    customer,
    subscription,
    customer_details: {
      ...(objects['checkout.session'].customer_details as object),
      email,
      name: 'Ada Lovelace',
    },
  });
  const month1 = stripeEvent('invoice.paid', invoice(1, '2026-03-01T10:00:00Z'));
  const month2 = stripeEvent('invoice.paid', invoice(2, '2026-04-01T10:00:00Z'));
  const refund = stripeEvent('charge.refunded', {
    ...objects.charge,
    id: `ch_${unique()}`,
    amount: 5000,
    amount_captured: 5000,
    amount_refunded: refunded,
    refunded: refunded === 5000,
    currency: 'usd',
    customer,
    payment_intent: `pi_${customer}_2`,
  });
  return { customer, subscription, email, events: [checkout, month1, month2, refund] };
};

/**
 * A one-off payment of 80.00 through Checkout, then a refund of `refunded`, and a dispute
 * opened and closed with `outcome`.
 */
export const oneOffStory = (
  code: string,
  { refunded = 2000, outcome = 'won' }: { refunded?: number; outcome?: 'won' | 'lost' } = {}
) => {
  const customer = `cus_${unique()}`;
  const intent = `pi_${unique()}`;
  const chargeId = `ch_${unique()}`;
  const checkout = stripeEvent('checkout.session.completed', {
    ...objects['checkout.session'],
    id: `cs_${unique()}`,
    mode: 'payment',
    status: 'complete',
    payment_status: 'paid',
    amount_total: 8000,
    amount_subtotal: 8000,
    currency: 'usd',
    payment_intent: intent,
    client_reference_id: code,
    customer,
    customer_details: {
      ...(objects['checkout.session'].customer_details as object),
      email: `${customer}@shop.test`,
      name: 'Grace Hopper',
    },
  });
  const refund = stripeEvent('charge.refunded', {
    ...objects.charge,
    id: chargeId,
    amount: 8000,
    amount_captured: 8000,
    amount_refunded: refunded,
    refunded: refunded === 8000,
    currency: 'usd',
    customer,
    payment_intent: intent,
  });
  const dispute = (status: string) => ({
    ...objects.dispute,
    id: `dp_${chargeId}`,
    amount: 8000 - refunded,
    currency: 'usd',
    charge: chargeId,
    payment_intent: intent,
    status,
  });
  const opened = stripeEvent('charge.dispute.created', dispute('needs_response'));
  const closed = stripeEvent('charge.dispute.closed', dispute(outcome));
  return { customer, intent, events: [checkout, refund, opened, closed] };
};

/** A partner's entries as `kind:state:amount`, sorted: what the ordering tests compare. */
export const ledgerLines = async (app: TestApp, partnerId: number) =>
  (await commissionsOf(app.strapi, { partnerId }))
    .map((entry) => `${entry.kind}:${entry.state}:${entry.amount}`)
    .sort();
