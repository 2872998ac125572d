import { mapStripeEvent } from '../../../plugin/stripe/map-stripe-event';
import fixtures from '../../fixtures/stripe-objects.json';

const objects = fixtures.resources as Record<string, Record<string, unknown>>;
const event = (type: string, object: Record<string, unknown>) => ({ type, data: { object } });

describe('mapStripeEvent (Stripe example objects)', () => {
  it('a paid one-off checkout is an order keyed by its payment intent', () => {
    const action = mapStripeEvent(
      event('checkout.session.completed', {
        ...objects['checkout.session'],
        payment_status: 'paid',
        amount_total: 4900,
        currency: 'eur',
        client_reference_id: 'jane20',
      })
    );
    expect(action).toMatchObject({
      kind: 'order',
      order: {
        externalId: objects['checkout.session'].payment_intent,
        amount: 4900,
        currency: 'EUR',
        referralCode: 'jane20',
        customerEmail: 'example@example.com',
      },
      events: [{ type: 'paid' }],
      moneyIsAuthoritative: true,
    });
  });

  it('a subscription checkout only claims the customer: its invoices are the orders', () => {
    const action = mapStripeEvent(
      event('checkout.session.completed', {
        ...objects['checkout.session'],
        mode: 'subscription',
        payment_status: 'paid',
        customer: 'cus_1',
        metadata: { partners_ref: 'lee', partners_visitor: 'v123' },
      })
    );
    expect(action).toEqual({
      kind: 'claim',
      customer: {
        customerExternalId: 'cus_1',
        customerEmail: 'example@example.com',
        referralCode: 'lee',
        visitorId: 'v123',
      },
    });
  });

  it.each([
    [
      'an unpaid checkout claims without an order',
      'checkout.session.completed',
      objects['checkout.session'],
      'claim',
    ],
    ['a free invoice is ignored', 'invoice.paid', { ...objects.invoice, amount_paid: 0 }, 'ignore'],
    ['an event type the plugin does not use', 'plan.created', {}, 'ignore'],
    [
      'a subscription ending churns its customer',
      'customer.subscription.deleted',
      objects.subscription,
      'churn',
    ],
  ])('%s', (_label, type, object, kind) => {
    expect(mapStripeEvent(event(type, object as Record<string, unknown>)).kind).toBe(kind);
  });

  it('an invoice keeps its lines as items only when they add up to what was paid', () => {
    const invoice = objects.invoice as { lines: { data: Array<Record<string, unknown>> } };
    const line = { ...invoice.lines.data[0], amount: 2500, quantity: 1 };
    const paid = (amountPaid: number) =>
      mapStripeEvent(
        event('invoice.paid', {
          ...objects.invoice,
          amount_paid: amountPaid,
          lines: { data: [line, line] },
        })
      );
    expect(paid(5000)).toMatchObject({ order: { items: [{ amount: 2500 }, { amount: 2500 }] } });
    expect((paid(4500) as { order: { items?: unknown } }).order.items).toBeUndefined();
  });

  it('a refund carries the cumulative amount refunded, and never moves money', () => {
    const action = mapStripeEvent(
      event('charge.refunded', { ...objects.charge, payment_intent: 'pi_9', amount_refunded: 60 })
    );
    expect(action).toMatchObject({
      kind: 'order',
      order: { externalId: 'pi_9', amount: 100, aliases: [objects.charge.id] },
      events: [{ type: 'refunded', refundedAmount: 60 }],
      moneyIsAuthoritative: false,
    });
  });

  it.each([
    ['charge.dispute.created', 'needs_response', 'dispute-opened'],
    ['charge.dispute.closed', 'lost', 'dispute-lost'],
    ['charge.dispute.closed', 'won', 'dispute-won'],
    ['charge.dispute.closed', 'warning_closed', 'dispute-won'],
  ])('%s with status %s is %s', (type, status, outcome) => {
    const action = mapStripeEvent(event(type, { ...objects.dispute, status }));
    expect(action).toMatchObject({ kind: 'order', events: [{ type: outcome }] });
  });
});
