import { uid } from '../../plugin/model';
import {
  commissionsOf,
  count,
  createProgramWithPartner,
  orderBody,
  orderIdOf,
} from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

const { app, apiToken: token } = useTestApp({ apiToken: true });

const postOrder = (body: unknown) =>
  app
    .request()
    .post('/api/partners/orders')
    .set('Authorization', `Bearer ${token()}`)
    .send(body as object);

describe('POST /api/partners/orders', () => {
  it('creates the order and its commission, with an explanation (201)', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi);
    const body = orderBody({ referralCode: code.toUpperCase() });
    const res = await postOrder(body).expect(201);

    expect(res.body.meta).toEqual({ created: true });
    expect(res.body.data).toMatchObject({
      externalId: body.data.externalId,
      amount: 10000,
      currency: 'USD',
      status: 'paid',
      ineligibleReason: null,
    });
    expect(res.body.data.commissions).toHaveLength(1);
    expect(res.body.data.commissions[0]).toMatchObject({
      level: 1,
      kind: 'sale',
      amount: 2000,
      currency: 'USD',
      status: 'pending',
    });
    expect(res.body.data.commissions[0].explanation.summary).toMatch(/\$20\.00/);
    const [entry] = await commissionsOf(app.strapi, { partnerId: partner.id });
    expect(entry.idempotencyKey).toMatch(/^order:\d+:l1:sale$/);
  });

  it('treats a replay as harmless: 200, nothing new stored', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi);
    const body = orderBody({ referralCode: code });
    await postOrder(body).expect(201);
    const again = await postOrder(body).expect(200);
    expect(again.body.meta).toEqual({ created: false });
    expect(await count(app.strapi, 'order', { externalId: body.data.externalId })).toBe(1);
    expect(await count(app.strapi, 'commission', { partnerId: partner.id })).toBe(1);
    expect(await count(app.strapi, 'referral', { partnerId: partner.id })).toBe(1);
  });

  it('turns 200 concurrent deliveries of one order into one entry per level', async () => {
    const { code, partner, recruiter } = await createProgramWithPartner(app.strapi, {
      tierMode: 'two-tier',
      secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
    });
    const body = orderBody({ referralCode: code });
    const responses = await Promise.all(Array.from({ length: 200 }, () => postOrder(body)));

    const statuses = responses.map((res) => res.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(199);
    expect(await count(app.strapi, 'order', { externalId: body.data.externalId })).toBe(1);
    const entries = await commissionsOf(app.strapi, {
      orderId: await orderIdOf(app.strapi, body.data.externalId),
    });
    expect(entries.map((entry) => [entry.level, entry.partnerId, entry.amount])).toEqual([
      [1, partner.id, 2000],
      [2, recruiter!.id, 500],
    ]);
  });

  it('records why an order earns nothing, and stores no commission', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi, {
      eligibility: { minOrderAmount: 5000 },
    });
    const res = await postOrder(orderBody({ referralCode: code, amount: 4999 })).expect(201);
    expect(res.body.data.ineligibleReason).toMatch(/^below-minimum: /);
    expect(res.body.data.commissions).toEqual([]);
    expect(await count(app.strapi, 'commission', { partnerId: partner.id })).toBe(0);
  });

  it('refuses to change the amount of a paid order', async () => {
    const { code } = await createProgramWithPartner(app.strapi);
    const body = orderBody({ referralCode: code });
    await postOrder(body).expect(201);
    const res = await postOrder({ data: { ...body.data, amount: 20000 } }).expect(400);
    expect(res.body.error.message).toMatch(/cannot change once paid/);
  });

  it("attributes a repeat order without a code to the customer's referral", async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi, { recurringMonths: null });
    const first = orderBody({ referralCode: code, paidAt: '2026-09-01T10:00:00Z' });
    await postOrder(first).expect(201);
    const second = orderBody({
      customerExternalId: first.data.customerExternalId,
      customerEmail: first.data.customerEmail,
      paidAt: '2026-10-01T10:00:00Z',
    });
    const res = await postOrder(second).expect(201);
    expect(res.body.data.partner.documentId).toBe(partner.documentId);
    expect(res.body.data.commissions[0]).toMatchObject({ kind: 'recurring', amount: 2000 });
  });
});

describe("bad input gets a 400 in Strapi's error shape and stores nothing", () => {
  const cases: Array<[string, (data: Record<string, unknown>) => unknown]> = [
    ['a negative amount', (data) => ({ data: { ...data, amount: -100 } })],
    ['a fractional amount', (data) => ({ data: { ...data, amount: 100.5 } })],
    ['an amount as a string', (data) => ({ data: { ...data, amount: '100' } })],
    ['an amount past the integer range', (data) => ({ data: { ...data, amount: 2 ** 31 } })],
    ['an unknown currency', (data) => ({ data: { ...data, currency: 'XYZ' } })],
    ['a missing externalId', ({ externalId: _drop, ...data }) => ({ data })],
    ['an oversize externalId', (data) => ({ data: { ...data, externalId: 'x'.repeat(256) } })],
    ['an oversize customer name', (data) => ({ data: { ...data, customerName: 'n'.repeat(201) } })],
    ['a malformed e-mail', (data) => ({ data: { ...data, customerEmail: 'not-an-email' } })],
    ['an unknown field', (data) => ({ data: { ...data, discount: 10 } })],
    ['items of the wrong type', (data) => ({ data: { ...data, items: 'pro' } })],
    [
      'a fractional item amount',
      (data) => ({ data: { ...data, items: [{ product: 'pro', amount: 1.5 }] } }),
    ],
    ['an invalid paidAt', (data) => ({ data: { ...data, paidAt: 'yesterday' } })],
    ['a body without data', (data) => data],
    ['an array body', () => [1, 2, 3]],
  ];

  it.each(cases)('%s', async (_label, makeBody) => {
    const body = orderBody();
    const before = await count(app.strapi, 'order');
    const res = await postOrder(makeBody(body.data)).expect(400);
    expect(res.body).toMatchObject({
      data: null,
      error: { status: 400, name: 'ValidationError', message: expect.any(String) },
    });
    expect(res.body.error.details.errors.length).toBeGreaterThan(0);
    expect(await count(app.strapi, 'order')).toBe(before);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const res = await app
      .request()
      .post('/api/partners/orders')
      .set('Authorization', `Bearer ${token()}`)
      .set('Content-Type', 'application/json')
      .send('{"data": ');
    expect(res.status).toBe(400);
  });
});

describe('only the site backend may report orders', () => {
  it('refuses a request without a token', async () => {
    const res = await app.request().post('/api/partners/orders').send(orderBody());
    expect([401, 403]).toContain(res.status);
  });

  it('refuses a users-permissions login even with the route permission', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'authenticated' } });
    await app.strapi.db.query('plugin::users-permissions.permission').create({
      data: { action: 'plugin::partners.orders.create', role: role.id },
    });
    const user = await app.strapi.plugin('users-permissions').service('user').add({
      username: 'shopper',
      email: 'shopper@shop.test',
      password: 'Shopper-2026',
      provider: 'local',
      confirmed: true,
      role: role.id,
    });
    const jwt = app.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
    const res = await app
      .request()
      .post('/api/partners/orders')
      .set('Authorization', `Bearer ${jwt}`)
      .send(orderBody());
    expect(res.status).toBe(403);
    expect(await count(app.strapi, 'order', { customerEmail: 'shopper@shop.test' })).toBe(0);
  });
});

describe('orders written through the Document Service', () => {
  it('settle their commissions the same way', async () => {
    const { program, partner } = await createProgramWithPartner(app.strapi);
    const order = await app.strapi.documents(uid('order')).create({
      data: {
        externalId: 'doc-order-1',
        amount: 5000,
        currency: 'USD',
        state: 'paid',
        paidAt: new Date().toISOString(),
        customerEmail: 'doc@shop.test',
        partnerId: partner.id,
        programId: program.id,
      } as never,
    });
    const entries = await commissionsOf(app.strapi, { orderId: order.id });
    expect(entries.map((entry) => [entry.level, entry.amount, entry.state])).toEqual([
      [1, 1000, 'pending'],
    ]);

    await app.strapi.documents(uid('order')).update({
      documentId: order.documentId,
      data: { state: 'refunded' } as never,
    });
    const after = await commissionsOf(app.strapi, { orderId: order.id });
    expect(after.map((entry) => [entry.amount, entry.state])).toEqual([[1000, 'reversed']]);
  });
});
