import { randomBytes } from 'node:crypto';
import { uid } from '../../plugin/model';
import { commissionsOf, count, createProgramWithPartner } from '../helpers/fixtures';
import {
  deliverStripe,
  STRIPE_WEBHOOK_SECRET as SECRET,
  stripeEvent as event,
  stripeObjects as objects,
  subscriptionStory,
} from '../helpers/stripe-events';
import { startStrapi, type TestApp } from '../helpers/strapi';
import Stripe from 'stripe';

/**
 * Stripe webhooks end to end. Events are built from Stripe's own example objects (its OpenAPI
 * fixtures, tests/fixtures/stripe-objects.json) and signed by the real `stripe` SDK. Stripe's
 * servers cannot be reached from here, so nothing calls them: the webhook needs none.
 */

const stripe = new Stripe('sk_test_unused');

let app: TestApp;

beforeAll(async () => {
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  app = await startStrapi();
});

afterAll(async () => {
  await app?.stop();
});

const unique = () => randomBytes(5).toString('hex');
const deliver = (payload: unknown, options?: Parameters<typeof deliverStripe>[2]) =>
  deliverStripe(app, payload, options);

/** The entries of a partner that count (reversed ones net to nothing), as `kind:amount`. */
const ledgerOf = async (partnerId: number) =>
  (await commissionsOf(app.strapi, { partnerId }))
    .filter((entry) => entry.state !== 'reversed' && entry.state !== 'rejected')
    .map((entry) => `${entry.kind}:${entry.amount}`)
    .sort();

describe('Stripe webhook', () => {
  it('turns click → signup → checkout → two paid invoices → a refund into the right commissions and a reversal', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi, { recurringMonths: null });
    const { customer, events } = subscriptionStory(code);

    // The visitor clicks the partner's link and signs up on the site (tracker.js calls).
    const click = await app
      .request()
      .get(`/api/partners/r/${code}`)
      .set(
        'User-Agent',
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15'
      )
      .expect(302);
    const visitorId = new URL(click.headers.location).searchParams.get('pvid');
    expect(visitorId).toBeTruthy();
    await app
      .request()
      .post('/api/partners/track/signup')
      .send({ data: { visitorId, email: `${customer}@shop.test`, name: 'Ada Lovelace' } })
      .expect(200);
    const signedUp = await app.strapi.db
      .query(uid('referral'))
      .findOne({ where: { email: `${customer}@shop.test` } });
    expect(signedUp).toMatchObject({ state: 'signed-up' });

    for (const payload of events) {
      const res = await deliver(payload).expect(200);
      expect(res.body.data).toMatchObject({ duplicate: false });
    }

    // The signup's referral became the customer: one contact, never duplicated or moved.
    const referrals = await app.strapi.db.query(uid('referral')).findMany({
      where: { email: `${customer}@shop.test` },
    });
    expect(referrals).toHaveLength(1);
    expect(referrals[0]).toMatchObject({ id: signedUp.id, state: 'customer', source: 'link' });
    expect(referrals[0].partnerId).toBe(partner.id);

    const entries = await commissionsOf(app.strapi, { partnerId: partner.id });
    expect(entries.map((e) => [e.orderExternalId, e.kind, e.amount, e.state])).toEqual([
      [`pi_${customer}_1`, 'sale', 1000, 'pending'],
      [`pi_${customer}_2`, 'recurring', 1000, 'reversed'],
    ]);
    const order = await app.strapi.db
      .query(uid('order'))
      .findOne({ where: { externalId: `pi_${customer}_2` } });
    expect(order).toMatchObject({ state: 'refunded', refundedAmount: 5000, source: 'stripe' });
  });

  it('converges on the same ledger when events are duplicated and shuffled', async () => {
    const inOrder = await createProgramWithPartner(app.strapi, { recurringMonths: null });
    for (const payload of subscriptionStory(inOrder.code).events)
      await deliver(payload).expect(200);

    const shuffled = await createProgramWithPartner(app.strapi, { recurringMonths: null });
    const [checkout, month1, month2, refund] = subscriptionStory(shuffled.code).events;
    for (const payload of [refund, checkout, month2, refund, month1, checkout, month2]) {
      await deliver(payload).expect(200);
    }
    expect(await ledgerOf(shuffled.partner.id)).toEqual(await ledgerOf(inOrder.partner.id));
    expect(await count(app.strapi, 'stripe-event', { eventId: refund.id })).toBe(1);
  });

  it('answers a redelivered event without doing anything again', async () => {
    const { code } = await createProgramWithPartner(app.strapi);
    const [checkout, month1] = subscriptionStory(code).events;
    await deliver(checkout).expect(200);
    await deliver(month1).expect(200);
    const entries = await count(app.strapi, 'commission');
    const again = await deliver(month1).expect(200);
    expect(again.body.data).toMatchObject({ eventId: month1.id, duplicate: true });
    expect(await count(app.strapi, 'commission')).toBe(entries);
  });

  it('refuses bad, stale and missing signatures with a 400 and stores nothing', async () => {
    const { code } = await createProgramWithPartner(app.strapi);
    const [, month1] = subscriptionStory(code).events;
    const before = await count(app.strapi, 'order');

    const wrongSecret = await deliver(month1, { secret: 'whsec_wrong' }).expect(400);
    expect(wrongSecret.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    await deliver(month1, { timestamp: Math.floor(Date.now() / 1000) - 3600 }).expect(400);
    await app
      .request()
      .post('/api/partners/stripe/webhook')
      .set('Content-Type', 'application/json')
      .send(month1)
      .expect(400);
    // A body altered after signing.
    const body = JSON.stringify(month1);
    const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
    await app
      .request()
      .post('/api/partners/stripe/webhook')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', signature)
      .send(body.replace('5000', '9000'))
      .expect(400);

    expect(await count(app.strapi, 'order')).toBe(before);
    expect(await count(app.strapi, 'stripe-event', { eventId: month1.id })).toBe(0);
  });

  it('follows a dispute: opened leaves commissions, lost reverses them', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi);
    const [checkout, month1] = subscriptionStory(code).events;
    await deliver(checkout).expect(200);
    await deliver(month1).expect(200);
    const intent = (
      month1.data.object as { payments: { data: Array<{ payment: { payment_intent: string } }> } }
    ).payments.data[0].payment.payment_intent;
    const dispute = (status: string) => ({
      ...objects.dispute,
      id: `dp_${unique()}`,
      amount: 5000,
      currency: 'usd',
      charge: `ch_${unique()}`,
      payment_intent: intent,
      status,
    });
    await deliver(event('charge.dispute.created', dispute('needs_response'))).expect(200);
    expect(await ledgerOf(partner.id)).toEqual(['sale:1000']);
    await deliver(event('charge.dispute.closed', dispute('lost'))).expect(200);
    expect(await ledgerOf(partner.id)).toEqual([]);
  });

  it('records declined payments and churn', async () => {
    const { code } = await createProgramWithPartner(app.strapi);
    const { customer, events } = subscriptionStory(code);
    await deliver(events[0]).expect(200);
    await deliver(events[1]).expect(200);
    const failed = {
      ...objects.invoice,
      id: `in_${unique()}`,
      customer,
      currency: 'usd',
      amount_due: 5000,
      amount_paid: 0,
      status: 'open',
    };
    await deliver(event('invoice.payment_failed', failed)).expect(200);
    const order = await app.strapi.db
      .query(uid('order'))
      .findOne({ where: { externalId: failed.id } });
    expect(order).toMatchObject({ state: 'failed', amount: 5000 });
    expect(order.failureReason).toBeTruthy();

    await deliver(
      event('customer.subscription.deleted', {
        ...objects.subscription,
        customer,
        status: 'canceled',
      })
    ).expect(200);
    const referral = await app.strapi.db
      .query(uid('referral'))
      .findOne({ where: { externalId: customer } });
    expect(referral.state).toBe('churned');
  });

  it('acknowledges events it does not use', async () => {
    const payload = event('plan.created', objects.event.data as Record<string, unknown>);
    const res = await deliver({ ...payload, data: objects.event.data }).expect(200);
    expect(res.body.data.ignored).toMatch(/not used/);
  });

  describe('signed but malformed events', () => {
    const refundEvent = (amountRefunded: number) =>
      event('charge.refunded', {
        ...objects.charge,
        id: `ch_${unique()}`,
        amount: 5000,
        amount_refunded: amountRefunded,
        currency: 'usd',
        payment_intent: `pi_${unique()}`,
      });
    const cases: Array<[string, () => unknown]> = [
      ['a negative amount_refunded', () => refundEvent(-100)],
      ['an amount_refunded over the charge amount', () => refundEvent(5001)],
      ['a JSON null body', () => 'null'],
      ['a JSON array body', () => '[]'],
      [
        'an event id over 255 characters',
        () => ({ ...refundEvent(100), id: `evt_${'x'.repeat(252)}` }),
      ],
      [
        'a type over 255 characters',
        () => ({ ...refundEvent(100), type: `charge.${'x'.repeat(250)}` }),
      ],
      ['a NUL in the type', () => ({ ...refundEvent(100), type: 'charge.refunded\u0000' })],
      ['no data.object', () => ({ ...refundEvent(100), data: null })],
      [
        'a fractional invoice amount',
        () =>
          event('invoice.paid', { ...objects.invoice, id: `in_${unique()}`, amount_paid: 10.5 }),
      ],
      [
        'a customer id over 255 characters',
        () =>
          event('customer.subscription.deleted', {
            ...objects.subscription,
            customer: `cus_${'x'.repeat(252)}`,
          }),
      ],
    ];

    it.each(cases)('%s: 400, nothing stored', async (_, payload) => {
      const body = payload();
      const orders = await count(app.strapi, 'order');
      const events = await count(app.strapi, 'stripe-event');
      const res = await deliver(body).expect(400);
      expect(res.body).toMatchObject({
        data: null,
        error: { status: 400, name: 'ValidationError' },
      });
      expect(await count(app.strapi, 'order')).toBe(orders);
      expect(await count(app.strapi, 'stripe-event')).toBe(events);
    });

    it('a type named like an object property is acknowledged and ignored', async () => {
      const res = await deliver(event('constructor', {})).expect(200);
      expect(res.body.data.ignored).toMatch(/not used/);
    });

    it('an event that cannot be applied is marked failed with the reason, never left processing', async () => {
      const { code } = await createProgramWithPartner(app.strapi);
      const [checkout, month1] = subscriptionStory(code).events;
      await deliver(checkout).expect(200);
      await deliver(month1).expect(200);
      // The same paid invoice again, in another currency: a paid order's money cannot change.
      const changed = {
        ...month1,
        id: `evt_${unique()}`,
        data: { object: { ...month1.data.object, currency: 'eur' } },
      };
      const res = await deliver(changed).expect(400);
      expect(res.body.error.status).toBe(400);
      const row = await app.strapi.db
        .query(uid('stripe-event'))
        .findOne({ where: { eventId: changed.id } });
      expect(row).toMatchObject({ state: 'failed', attempts: 1 });
      expect(row.lastError).toBeTruthy();
      expect(await count(app.strapi, 'stripe-event', { state: 'processing' })).toBe(0);
    });
  });
});
