import { randomBytes } from 'node:crypto';
import { uid } from '../../plugin/model';
import { STRIPE_MAX_ATTEMPTS } from '../../plugin/stripe/retry-schedule';
import { adminToken } from '../helpers/admin';
import { adminTokenWithActions } from '../helpers/admin-roles';
import { startFakeStripe, type FakeStripe } from '../helpers/fake-stripe';
import { count, createProgramWithPartner } from '../helpers/fixtures';
import {
  deliverStripe,
  ledgerLines,
  oneOffStory,
  STRIPE_WEBHOOK_SECRET,
  stripeObjects as objects,
  subscriptionStory,
} from '../helpers/stripe-events';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * SPEC §7: failed Stripe events are retried by a job with growing delays and a bounded number of
 * attempts, listed in the admin with their state and reason, and replayed on request; with a
 * Stripe key, an invoice that arrives before its checkout is attributed from the subscription's
 * checkout session, read through the real `stripe` SDK. Stripe's servers cannot be reached from
 * here, so the SDK talks to a local stand-in (tests/helpers/fake-stripe.ts).
 */

let app: TestApp;
let stripe: FakeStripe;
let superAdmin: string;
/** Orders cannot be written while it is set: a database outage, simulated in this process. */
let outage = false;
/** The retry job's clock: every run is a later tick, as on a real cron. */
let clock = 0;
const stripeConfig = () => ({ secretKey: 'sk_test_partners', apiBase: stripe.url });

beforeAll(async () => {
  process.env.STRIPE_WEBHOOK_SECRET = STRIPE_WEBHOOK_SECRET;
  stripe = await startFakeStripe();
  app = await startStrapi();
  app.strapi.config.set('plugin::partners.stripe', stripeConfig());
  superAdmin = await adminToken(app, 'strapi-super-admin');
  app.strapi.db.lifecycles.subscribe({
    models: [uid('order')],
    beforeCreate() {
      if (outage) throw new Error('The orders table could not be written (simulated outage)');
    },
    // New orders go in through createMany (one statement, no read-back).
    beforeCreateMany() {
      if (outage) throw new Error('The orders table could not be written (simulated outage)');
    },
  });
  // Booting on a busy machine can take longer than the default hook timeout.
}, 300_000);

afterAll(async () => {
  await app?.stop();
  await stripe?.close();
});

const unique = () => randomBytes(5).toString('hex');
const deliver = (payload: unknown) => deliverStripe(app, payload);
const eventRow = (eventId: string) =>
  app.strapi.db.query(uid('stripe-event')).findOne({ where: { eventId } });
const runRetryJob = (afterMinutes: number) => {
  clock = Math.max(clock, Date.now()) + afterMinutes * 60_000;
  return app.strapi
    .plugin('partners')
    .service('jobs')
    .runOnce('retry-stripe-events', new Date(clock));
};
const as = (token: string) => ({
  get: (path: string) => app.request().get(path).set('Authorization', `Bearer ${token}`),
  post: (path: string) =>
    app.request().post(path).set('Authorization', `Bearer ${token}`).send({ data: {} }),
});
const listed = async (eventId: string) => {
  const res = await as(superAdmin).get('/partners/stripe-events?pageSize=100').expect(200);
  return (res.body.data as Array<Record<string, unknown>>).find((row) => row.eventId === eventId);
};

describe('failed Stripe events', () => {
  it('are retried by the job until the cause is gone, then processed once', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi);
    const [checkout] = oneOffStory(code).events;
    outage = true;
    try {
      const res = await deliver(checkout);
      expect(res.status).toBe(400);
      expect(await eventRow(checkout.id)).toMatchObject({ state: 'failed', attempts: 1 });

      // Still down at the first retry: failed again, the next attempt further away.
      expect((await runRetryJob(6)).result).toMatchObject({ retried: 1, applied: 0, failed: 1 });
      const second = await eventRow(checkout.id);
      expect(second).toMatchObject({ state: 'failed', attempts: 2 });
      expect(second.lastError).toMatch(/simulated outage/);
      expect(new Date(second.nextAttemptAt).getTime() - clock).toBe(10 * 60_000);
      expect((await runRetryJob(5)).result).toMatchObject({ retried: 0 });
    } finally {
      outage = false;
    }
    expect((await runRetryJob(6)).result).toMatchObject({ retried: 1, applied: 1, failed: 0 });
    expect(await eventRow(checkout.id)).toMatchObject({
      state: 'processed',
      attempts: 3,
      nextAttemptAt: null,
    });
    expect(await ledgerLines(app, partner.id)).toEqual(['sale:pending:1600']);
    expect(await listed(checkout.id)).toMatchObject({
      state: 'processed',
      attempts: 3,
      lastError: expect.stringMatching(/simulated outage/),
      nextAttemptAt: null,
      processedAt: expect.any(String),
      receivedAt: expect.any(String),
    });
  });

  it('gives up after the last attempt and says so in the list', async () => {
    const { code } = await createProgramWithPartner(app.strapi);
    const [checkout, month1] = subscriptionStory(code).events;
    await deliver(checkout).expect(200);
    await deliver(month1).expect(200);
    // The same paid invoice in another currency: a paid order's money cannot change, ever.
    const changed = {
      ...month1,
      id: `evt_${unique()}`,
      data: { object: { ...month1.data.object, currency: 'eur' } },
    };
    await deliver(changed).expect(400);
    for (let attempt = 2; attempt <= STRIPE_MAX_ATTEMPTS; attempt += 1) {
      expect((await runRetryJob(120)).result).toMatchObject({ retried: 1, failed: 1 });
    }
    expect((await runRetryJob(24 * 60)).result).toMatchObject({ retried: 0 });
    const row = await listed(changed.id);
    expect(row).toMatchObject({
      state: 'failed',
      attempts: STRIPE_MAX_ATTEMPTS,
      nextAttemptAt: null,
      processedAt: null,
      lastError: expect.stringMatching(/currency|amount/i),
    });
    const failed = await as(superAdmin).get('/partners/stripe-events?state=failed').expect(200);
    expect(failed.body.data.map((event: { state: string }) => event.state)).toEqual(
      failed.body.data.map(() => 'failed')
    );

    // A replay is a further attempt and answers the truth: it failed again, and why.
    const replay = await as(superAdmin)
      .post(`/partners/stripe-events/${row?.documentId}/replay`)
      .expect(200);
    expect(replay.body.data).toMatchObject({
      eventId: changed.id,
      state: 'failed',
      attempts: STRIPE_MAX_ATTEMPTS + 1,
      nextAttemptAt: null,
      lastError: expect.stringMatching(/currency|amount/i),
    });
  });

  it('replaying processed events changes nothing in the ledger', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi, { recurringMonths: null });
    const { events } = subscriptionStory(code, { refunded: 2000 });
    for (const payload of events) await deliver(payload).expect(200);
    const ledger = await ledgerLines(app, partner.id);
    expect(ledger.length).toBeGreaterThan(1);
    const entries = await count(app.strapi, 'commission');
    const orders = await count(app.strapi, 'order');

    for (const payload of [...events, ...events]) {
      const row = await listed(payload.id);
      const res = await as(superAdmin)
        .post(`/partners/stripe-events/${row?.documentId}/replay`)
        .expect(200);
      expect(res.body.data).toMatchObject({ eventId: payload.id, state: 'processed' });
    }
    expect(await ledgerLines(app, partner.id)).toEqual(ledger);
    expect(await count(app.strapi, 'commission')).toBe(entries);
    expect(await count(app.strapi, 'order')).toBe(orders);
    expect(await eventRow(events[0].id)).toMatchObject({ attempts: 3 });
  });

  it('are open only to admins holding "View and replay Stripe events"', async () => {
    const { code } = await createProgramWithPartner(app.strapi);
    const [checkout] = subscriptionStory(code).events;
    await deliver(checkout).expect(200);
    const { documentId } = (await listed(checkout.id)) as { documentId: string };
    const replay = `/partners/stripe-events/${documentId}/replay`;

    const reader = await adminTokenWithActions(app, ['plugin::partners.read']);
    const editor = await adminToken(app, 'strapi-editor');
    for (const token of [reader, editor]) {
      await as(token).get('/partners/stripe-events').expect(403);
      await as(token).post(replay).expect(403);
    }
    expect(await eventRow(checkout.id)).toMatchObject({ attempts: 1 });

    const holder = await adminTokenWithActions(app, ['plugin::partners.stripe-events.manage']);
    await as(holder).get('/partners/stripe-events').expect(200);
    await as(holder).post(replay).expect(200);
    await as(holder).post('/partners/stripe-events/abcdefghijklmnopqrstuvwx/replay').expect(404);
    await as(holder).get('/partners/stripe-events?state=lost').expect(400);
    await as(holder).post('/partners/stripe-events/%00/replay').expect(400);
  });
});

describe('an invoice that arrives before its checkout', () => {
  const sessionOf = (checkout: { data: { object: Record<string, unknown> } }) => ({
    ...objects['checkout.session'],
    ...checkout.data.object,
  });

  it('is attributed from the subscription’s checkout session when a Stripe key is set', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi, { recurringMonths: null });
    const { subscription, events } = subscriptionStory(code);
    const [checkout, month1, month2] = events;
    stripe.checkoutSessions.push(sessionOf(checkout));

    await deliver(month1).expect(200);
    expect(await ledgerLines(app, partner.id)).toEqual(['sale:pending:1000']);
    const asked = stripe.requests.filter((request) => request.path === '/v1/checkout/sessions');
    expect(asked.map((request) => request.params.get('subscription'))).toEqual([subscription]);

    // The checkout's own event and the next invoice add nothing twice.
    await deliver(checkout).expect(200);
    await deliver(month2).expect(200);
    expect(await ledgerLines(app, partner.id)).toEqual([
      'recurring:pending:1000',
      'sale:pending:1000',
    ]);
  });

  it('waits for the checkout event when Stripe has no session for it, or no key is set', async () => {
    const noSession = await createProgramWithPartner(app.strapi);
    const [checkout, month1] = subscriptionStory(noSession.code).events;
    await deliver(month1).expect(200);
    expect(await ledgerLines(app, noSession.partner.id)).toEqual([]);
    await deliver(checkout).expect(200);
    expect(await ledgerLines(app, noSession.partner.id)).toEqual(['sale:pending:1000']);

    app.strapi.config.set('plugin::partners.stripe', {});
    try {
      const noKey = await createProgramWithPartner(app.strapi);
      const story = subscriptionStory(noKey.code);
      stripe.checkoutSessions.push(sessionOf(story.events[0]));
      const before = stripe.requests.length;
      await deliver(story.events[1]).expect(200);
      expect(stripe.requests.length).toBe(before);
      expect(await ledgerLines(app, noKey.partner.id)).toEqual([]);
    } finally {
      app.strapi.config.set('plugin::partners.stripe', stripeConfig());
    }
  });
});
