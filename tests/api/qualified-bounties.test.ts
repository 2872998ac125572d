import { uid } from '../../plugin/model';
import {
  commissionsOf,
  count,
  createLink,
  createPartner,
  createProgramWithPartner,
  enroll,
  orderBody,
} from '../helpers/fixtures';
import { CTM_RULES } from '../helpers/ctm-program';
import { useTestApp } from '../helpers/test-app';

/**
 * Per-plan qualified-customer bounties with monthly tiers (the CallTrackingMetrics program of
 * docs/commission-rules.md, set up through the admin API), and sale commissions reversed when a
 * customer churns within the hold.
 */

const { app, apiToken: token, admin } = useTestApp({ apiToken: true, admin: true });

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const adminApi = (method: 'post' | 'put', path: string) =>
  app.request()[method](`/partners${path}`).set('Authorization', `Bearer ${admin()}`);
const siteApi = (path: string, body: object) =>
  app.request().post(`/api/partners${path}`).set('Authorization', `Bearer ${token()}`).send(body);

/** docs/commission-rules.md, "CallTrackingMetrics": the program as its terms are written. */
const ctmProgram = (slug: string) => ({
  data: {
    name: 'CallTrackingMetrics affiliates',
    slug,
    status: 'active',
    ...CTM_RULES,
    holdDays: 30,
    attributionWindowDays: 90,
  },
});

const PRICES: Record<string, number> = { performance: 5900, growth: 14900, connect: 29900 };
const subscribe = async (code: string, customer: string, plan: string, paidAt: string) => {
  const body = orderBody({
    referralCode: code,
    customerExternalId: customer,
    customerEmail: `${customer}@customers.test`,
    amount: PRICES[plan],
    items: [{ product: plan, amount: PRICES[plan], quantity: 1 }],
    paidAt,
  });
  await siteApi('/orders', body).expect(201);
};
const churn = (customer: string, at?: string) =>
  siteApi(`/customers/${customer}/status`, {
    data: { status: 'churned', ...(at ? { at } : {}) },
  }).expect(200);

const bountiesOf = async (partnerId: number) =>
  (await commissionsOf(app.strapi, { partnerId, kind: 'qualified-customer' }))
    .map((entry) => [Number(entry.referralId), entry.amount])
    .sort(([a], [b]) => a - b);
const referralOf = async (customer: string): Promise<Row> =>
  app.strapi.db.query(uid('referral')).findOne({ where: { externalId: customer } });

describe('CallTrackingMetrics: per-plan bounties after 90 active days, higher from 25 accounts', () => {
  it('refuses what a bounty program cannot pay, with a 400 and nothing stored', async () => {
    const before = await count(app.strapi, 'program');
    const signupPlans = { ...ctmProgram('ctm-signup').data, trigger: 'signup' };
    const onChurn = { ...ctmProgram('ctm-churn').data, reverseOnChurn: true };
    for (const data of [signupPlans, onChurn]) {
      const res = await adminApi('post', '/programs').send({ data }).expect(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
    expect(await count(app.strapi, 'program')).toBe(before);
  });

  it('pays $39 / $99 / $299, or $59 / $149 / $449 with 25 accounts active that month, once per account', async () => {
    const created = await adminApi('post', '/programs').send(ctmProgram('ctm')).expect(201);
    expect(created.body.data).toMatchObject({
      trigger: 'qualified-customer',
      tierMetric: 'active-customers-in-month',
      reverseOnChurn: false,
    });
    const program = await app.strapi.db
      .query(uid('program'))
      .findOne({ where: { documentId: created.body.data.documentId } });
    const partnerWith = async () => {
      const partner = await createPartner(app.strapi);
      await enroll(app.strapi, partner, program);
      const link = await createLink(app.strapi, partner, program);
      return { partner, code: link.code as string };
    };
    const small = await partnerWith();
    const large = await partnerWith();

    // The large partner's other accounts: 21 active, one cancelled on April 2 (active in April:
    // counted), one cancelled in March (not counted). Active *now* it has 24 with the three below.
    const referrals = app.strapi.db.query(uid('referral'));
    const seeded = (index: number, churnedAt: string | null) =>
      referrals.create({
        data: {
          partnerId: large.partner.id,
          programId: program.id,
          source: 'api',
          email: `earlier-${index}@customers.test`,
          state: churnedAt ? 'churned' : 'customer',
          convertedAt: '2025-10-01T00:00:00Z',
          // Their own bounties were granted in January.
          qualifiedAt: '2026-01-01T00:00:00Z',
          churnedAt,
        },
      });
    for (let index = 0; index < 21; index += 1) await seeded(index, null);
    await seeded(21, '2026-04-02T00:00:00Z');
    await seeded(22, '2026-03-20T00:00:00Z');

    for (const { code } of [small, large]) {
      const prefix = code === small.code ? 'small' : 'large';
      await subscribe(code, `${prefix}-perf`, 'performance', '2026-01-10T10:00:00Z');
      await subscribe(code, `${prefix}-growth`, 'growth', '2026-01-10T10:00:00Z');
      // Upgraded to Connect before qualifying: the latest plan counts.
      await subscribe(code, `${prefix}-up`, 'growth', '2026-01-10T10:00:00Z');
      await subscribe(code, `${prefix}-up`, 'connect', '2026-03-01T10:00:00Z');
      // Cancelled on day 30.
      await subscribe(code, `${prefix}-gone`, 'connect', '2026-01-10T10:00:00Z');
      await churn(`${prefix}-gone`, '2026-02-09T10:00:00Z');
    }

    const commissions = app.strapi.plugin('partners').service('commissions');
    await commissions.grantQualifiedBounties('2026-04-09T12:00:00Z');
    expect(await count(app.strapi, 'commission', { kind: 'qualified-customer' })).toBe(0);
    await commissions.grantQualifiedBounties('2026-04-15T00:00:00Z');

    const ids = async (prefix: string) =>
      Promise.all(
        ['perf', 'growth', 'up'].map(async (name) => (await referralOf(`${prefix}-${name}`)).id)
      );
    const [perf, growth, up] = await ids('small');
    expect(await bountiesOf(small.partner.id)).toEqual([
      [perf, 3900],
      [growth, 9900],
      [up, 29900],
    ]);
    const [largePerf, largeGrowth, largeUp] = await ids('large');
    expect(await bountiesOf(large.partner.id)).toEqual([
      [largePerf, 5900],
      [largeGrowth, 14900],
      [largeUp, 44900],
    ]);
    const [entry] = await commissionsOf(app.strapi, { referralId: largeUp });
    expect(entry).toMatchObject({ state: 'pending', availableAt: expect.anything() });
    expect(entry.explanation.steps).toEqual(
      expect.arrayContaining([
        '25 active accounts tier (25 customers active this month ≥ 25)',
        'connect: $449.00 flat (25 active accounts tier rate for connect)',
      ])
    );

    // Once per account: later jobs, renewals, a churn and a comeback pay nothing more.
    await subscribe(small.code, 'small-perf', 'connect', '2026-05-10T10:00:00Z');
    await churn('small-growth');
    await siteApi('/customers/small-growth/status', { data: { status: 'active' } }).expect(200);
    await commissions.grantQualifiedBounties('2026-05-15T00:00:00Z');
    await commissions.grantQualifiedBounties('2026-08-15T00:00:00Z');
    expect(await count(app.strapi, 'commission', { kind: 'qualified-customer' })).toBe(6);
    expect((await referralOf('small-gone')).qualifiedAt).toBeNull();
  });
});

describe('reverseOnChurn: a sale commission still held is reversed when the customer churns', () => {
  const DAY = 86_400_000;
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
  const entriesOfCustomer = async (customer: string) => {
    const referral = await referralOf(customer);
    return (await commissionsOf(app.strapi, { referralId: referral.id })).map((entry) => [
      entry.level,
      entry.kind,
      entry.amount,
      entry.state,
    ]);
  };

  it('reverses pending entries in their hold, with their adjustments and the recruiter share', async () => {
    const { program, code } = await createProgramWithPartner(app.strapi, {
      holdDays: 30,
      autoApprove: false,
      reverseOnChurn: true,
      tierMode: 'two-tier',
      secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
    });
    const inHold = orderBody({
      referralCode: code,
      customerExternalId: 'held',
      paidAt: daysAgo(40),
    });
    await siteApi('/orders', inHold).expect(201);
    await siteApi(
      '/orders',
      orderBody({ referralCode: code, customerExternalId: 'held', paidAt: daysAgo(5) })
    ).expect(201);
    await siteApi(`/orders/${inHold.data.externalId}/refunds`, { data: { amount: 1000 } }).expect(
      200
    );

    const res = await churn('held');
    expect(res.body.data).toMatchObject({ status: 'churned', referrals: 1 });
    // The first order's hold ended 10 days ago: it stays for the editor; the renewal's goes.
    expect(await entriesOfCustomer('held')).toEqual([
      [1, 'sale', 2000, 'pending'],
      [1, 'recurring', 2000, 'reversed'],
      [1, 'adjustment', -200, 'pending'],
      [2, 'sale', 500, 'pending'],
      [2, 'recurring', 500, 'reversed'],
      [2, 'adjustment', -50, 'pending'],
    ]);
    const [reversed] = await commissionsOf(app.strapi, {
      programId: program.id,
      kind: 'recurring',
      level: 1,
    });
    expect(reversed.note).toMatch(
      /^The customer churned on \d{4}-\d{2}-\d{2}, before the commission's hold ended$/
    );

    // A second report of the same churn takes nothing more; a refund later still converges.
    await churn('held');
    expect(
      (await entriesOfCustomer('held')).filter((entry) => entry[3] === 'reversed')
    ).toHaveLength(2);
  });

  it('reverses entries held for review too, so a release cannot pay for a churned customer', async () => {
    const { code } = await createProgramWithPartner(app.strapi, {
      holdDays: 30,
      reverseOnChurn: true,
      tierMode: 'two-tier',
      secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
      fraudSignals: { largeCommission: 'hold', largeCommissionAmount: 1000 },
    });
    await siteApi(
      '/orders',
      orderBody({ referralCode: code, customerExternalId: 'reviewed', paidAt: daysAgo(2) })
    ).expect(201);
    expect(await entriesOfCustomer('reviewed')).toEqual([
      [1, 'sale', 2000, 'on-hold'],
      [2, 'sale', 500, 'on-hold'],
    ]);
    await churn('reviewed');
    expect(await entriesOfCustomer('reviewed')).toEqual([
      [1, 'sale', 2000, 'reversed'],
      [2, 'sale', 500, 'reversed'],
    ]);
  });

  it('leaves commissions alone in programs without the setting', async () => {
    const { code } = await createProgramWithPartner(app.strapi, { holdDays: 30 });
    await siteApi(
      '/orders',
      orderBody({ referralCode: code, customerExternalId: 'kept', paidAt: daysAgo(2) })
    ).expect(201);
    await churn('kept');
    expect(await entriesOfCustomer('kept')).toEqual([[1, 'sale', 2000, 'pending']]);
  });
});
