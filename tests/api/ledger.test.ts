import { uid } from '../../plugin/model';
import {
  commissionsOf,
  count,
  createProgramWithPartner,
  orderBody,
  orderIdOf,
} from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/** The ledger's life cycle (SPEC §5.6–5.7): refunds, clawbacks, churn and the jobs. */

const { app, apiToken: token, admin } = useTestApp({ apiToken: true, admin: true });

const auth = () => ({ Authorization: `Bearer ${token()}` });
const postOrder = (body: unknown) =>
  app
    .request()
    .post('/api/partners/orders')
    .set(auth())
    .send(body as object);
const postRefund = (externalId: string, data: unknown) =>
  app
    .request()
    .post(`/api/partners/orders/${encodeURIComponent(externalId)}/refunds`)
    .set(auth())
    .send({ data });

const twoTier = {
  tierMode: 'two-tier',
  secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
};

const entriesOf = async (externalId: string) =>
  (await commissionsOf(app.strapi, { orderId: await orderIdOf(app.strapi, externalId) })).map(
    (entry) => [entry.level, entry.kind, entry.amount, entry.state]
  );

describe('refunds', () => {
  it('a partial refund reverses its share of each level, cumulatively', async () => {
    const { code } = await createProgramWithPartner(app.strapi, twoTier);
    const body = orderBody({ referralCode: code, amount: 10000 });
    await postOrder(body).expect(201);

    await postRefund(body.data.externalId, { amount: 3000, refundId: 're_1' }).expect(200);
    await postRefund(body.data.externalId, { amount: 3000, refundId: 're_1' }).expect(200); // replay
    await postRefund(body.data.externalId, { amount: 2000, refundId: 're_2' }).expect(200);

    expect(await entriesOf(body.data.externalId)).toEqual([
      [1, 'sale', 2000, 'pending'],
      [1, 'adjustment', -600, 'pending'],
      [1, 'adjustment', -400, 'pending'],
      [2, 'sale', 500, 'pending'],
      [2, 'adjustment', -150, 'pending'],
      [2, 'adjustment', -100, 'pending'],
    ]);
  });

  it('a full refund before payout reverses the entries', async () => {
    const { code } = await createProgramWithPartner(app.strapi, twoTier);
    const body = orderBody({ referralCode: code, amount: 10000 });
    await postOrder(body).expect(201);
    const res = await postRefund(body.data.externalId, { amount: 10000 }).expect(200);
    expect(res.body.data.status).toBe('refunded');
    expect(await entriesOf(body.data.externalId)).toEqual([
      [1, 'sale', 2000, 'reversed'],
      [2, 'sale', 500, 'reversed'],
    ]);
  });

  it('a fully refunded order earns nothing, in the order response and the admin list', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi);
    const full = orderBody({ referralCode: code, amount: 10000 });
    const partial = orderBody({ referralCode: code, amount: 10000 });
    expect((await postOrder(full).expect(201)).body.data.earns).toBe('yes');
    await postOrder(partial).expect(201);
    const refunded = await postRefund(full.data.externalId, { amount: 10000 }).expect(200);
    expect(refunded.body.data.earns).toBe('refunded');
    await postRefund(partial.data.externalId, { amount: 2500 }).expect(200);

    const list = await app
      .request()
      .get('/partners/orders')
      .query({ partner: partner.documentId })
      .set('Authorization', `Bearer ${admin()}`)
      .expect(200);
    const earns = Object.fromEntries(
      list.body.data.map((order: { externalId: string; earns: string }) => [
        order.externalId,
        order.earns,
      ])
    );
    expect(earns).toEqual({ [full.data.externalId]: 'refunded', [partial.data.externalId]: 'yes' });
  });

  it('a refund after payout creates a clawback netted from the next payout', async () => {
    const { code } = await createProgramWithPartner(app.strapi, twoTier);
    const body = orderBody({ referralCode: code, amount: 10000 });
    await postOrder(body).expect(201);
    // Paid out (the payout run marks entries paid).
    const originals = await commissionsOf(app.strapi, {
      orderId: await orderIdOf(app.strapi, body.data.externalId),
    });
    await app.strapi.db.query(uid('commission')).updateMany({
      where: { id: { $in: originals.map((entry) => entry.id) } },
      data: { state: 'paid', paidAt: new Date().toISOString() },
    });

    await postRefund(body.data.externalId, { amount: 10000, refundId: 're_full' }).expect(200);
    expect(await entriesOf(body.data.externalId)).toEqual([
      [1, 'sale', 2000, 'paid'],
      [1, 'clawback', -2000, 'approved'],
      [2, 'sale', 500, 'paid'],
      [2, 'clawback', -500, 'approved'],
    ]);
    const clawbacks = await commissionsOf(app.strapi, { kind: 'clawback' });
    expect(clawbacks.every((entry) => entry.idempotencyKey.endsWith(':clawback'))).toBe(true);
  });

  it('refuses refunds that do not fit, storing nothing', async () => {
    const { code } = await createProgramWithPartner(app.strapi);
    const body = orderBody({ referralCode: code, amount: 10000 });
    await postOrder(body).expect(201);
    const before = await count(app.strapi, 'commission');

    const tooMuch = await postRefund(body.data.externalId, { amount: 10001 }).expect(400);
    expect(tooMuch.body.error.message).toMatch(/exceeds/);
    await postRefund(body.data.externalId, { amount: 0 }).expect(400);
    await postRefund(body.data.externalId, { amount: -5 }).expect(400);
    await postRefund(body.data.externalId, { amount: 12.5 }).expect(400);
    await postRefund(body.data.externalId, { amount: '100' }).expect(400);
    await postRefund('no-such-order', { amount: 100 }).expect(404);

    expect(await count(app.strapi, 'commission')).toBe(before);
    const order = await app.strapi.db
      .query(uid('order'))
      .findOne({ where: { externalId: body.data.externalId } });
    expect(order.refundedAmount).toBe(0);
  });
});

describe('customer status', () => {
  it('marks a referred customer churned, and active again', async () => {
    const { code } = await createProgramWithPartner(app.strapi);
    const body = orderBody({ referralCode: code });
    await postOrder(body).expect(201);
    const path = `/api/partners/customers/${body.data.customerExternalId}/status`;

    const churned = await app
      .request()
      .post(path)
      .set(auth())
      .send({ data: { status: 'churned' } });
    expect(churned.status).toBe(200);
    expect(churned.body.data).toMatchObject({ status: 'churned', referrals: 1 });
    const referral = await app.strapi.db
      .query(uid('referral'))
      .findOne({ where: { externalId: body.data.customerExternalId } });
    expect(referral).toMatchObject({ state: 'churned' });
    expect(referral.churnedAt).toBeTruthy();

    await app
      .request()
      .post(path)
      .set(auth())
      .send({ data: { status: 'active' } })
      .expect(200);
    await app
      .request()
      .post(path)
      .set(auth())
      .send({ data: { status: 'gone' } })
      .expect(400);
    const unknown = await app
      .request()
      .post('/api/partners/customers/cus_never_referred/status')
      .set(auth())
      .send({ data: { status: 'churned' } })
      .expect(200);
    expect(unknown.body.data.referrals).toBe(0);
  });
});

describe('jobs', () => {
  it('approve entries past their hold, once per tick however many nodes run them', async () => {
    const { code } = await createProgramWithPartner(app.strapi, {
      holdDays: 30,
      autoApprove: true,
    });
    const body = orderBody({ referralCode: code, paidAt: '2026-01-10T10:00:00Z' });
    await postOrder(body).expect(201);

    const jobs = app.strapi.plugin('partners').service('jobs');
    const at = new Date('2026-03-01T12:01:00Z');
    const runs = await Promise.all([
      jobs.runOnce('approve-commissions', at),
      jobs.runOnce('approve-commissions', at),
    ]);
    expect(runs.filter((run: { ran: boolean }) => run.ran)).toHaveLength(1);
    expect(await entriesOf(body.data.externalId)).toEqual([[1, 'sale', 2000, 'approved']]);
  });

  it('leave entries of programs without auto-approval for an editor', async () => {
    const { code } = await createProgramWithPartner(app.strapi, {
      holdDays: 0,
      autoApprove: false,
    });
    const body = orderBody({ referralCode: code, paidAt: '2026-01-10T10:00:00Z' });
    await postOrder(body).expect(201);
    await app.strapi.plugin('partners').service('commissions').approveDue('2026-06-01T00:00:00Z');
    expect(await entriesOf(body.data.externalId)).toEqual([[1, 'sale', 2000, 'pending']]);
  });

  it('grant a qualified-customer bounty once the customer stayed active', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi, {
      trigger: 'qualified-customer',
      commission: { type: 'flat', amount: 5000 },
      qualificationDays: 90,
    });
    await postOrder(orderBody({ referralCode: code, paidAt: '2026-01-10T10:00:00Z' })).expect(201);
    const commissions = app.strapi.plugin('partners').service('commissions');

    await commissions.grantQualifiedBounties('2026-03-01T00:00:00Z');
    expect(await count(app.strapi, 'commission', { partnerId: partner.id })).toBe(0);
    await commissions.grantQualifiedBounties('2026-04-15T00:00:00Z');
    await commissions.grantQualifiedBounties('2026-05-15T00:00:00Z');
    const entries = await commissionsOf(app.strapi, { partnerId: partner.id });
    expect(entries.map((entry) => [entry.kind, entry.amount])).toEqual([
      ['qualified-customer', 5000],
    ]);
  });
});
