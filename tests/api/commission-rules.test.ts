import { uid } from '../../plugin/model';
import { commissionsOf, createProgramWithPartner, orderBody, orderIdOf } from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/** SPEC §5's worked examples, end to end over HTTP against a real Strapi. */

const { app, apiToken: token } = useTestApp({ apiToken: true });

const postOrder = (body: unknown) =>
  app
    .request()
    .post('/api/partners/orders')
    .set('Authorization', `Bearer ${token()}`)
    .send(body as object);

const flat = (amount: number) => ({ type: 'flat', amount });
const percentage = (bps: number) => ({ type: 'percentage', bps });

/** `n` customers the partner already brought in (state customer), for active-customer tiers. */
const addActiveCustomers = async (partnerId: number, programId: number, n: number) => {
  for (let i = 0; i < n; i += 1) {
    await app.strapi.db.query(uid('referral')).create({
      data: {
        partnerId,
        programId,
        source: 'manual',
        email: `existing-${partnerId}-${i}@shop.test`,
        state: 'customer',
        convertedAt: new Date().toISOString(),
      },
    });
  }
};

describe('SPEC §5 worked examples', () => {
  it('20 % one-tier on a $100.00 order pays $20.00', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi, {
      commission: percentage(2000),
    });
    const res = await postOrder(orderBody({ referralCode: code, amount: 10000 })).expect(201);
    expect(res.body.data.commissions.map((c: { amount: number }) => c.amount)).toEqual([2000]);
    const entries = await commissionsOf(app.strapi, { partnerId: partner.id });
    expect(entries).toHaveLength(1);
  });

  it('two-tier 20 % / 5 % of sale on $100.00 pays $20.00 and $5.00 to the recruiter', async () => {
    const { code, partner, recruiter } = await createProgramWithPartner(app.strapi, {
      tierMode: 'two-tier',
      commission: percentage(2000),
      secondTier: { commission: percentage(500), basis: 'sale' },
    });
    const res = await postOrder(orderBody({ referralCode: code, amount: 10000 })).expect(201);
    const entries = await commissionsOf(app.strapi, {
      orderId: await orderIdOf(app.strapi, res.body.data.externalId),
    });
    expect(entries.map((e) => [e.level, e.partnerId, e.amount])).toEqual([
      [1, partner.id, 2000],
      [2, recruiter!.id, 500],
    ]);
    expect(entries[1].explanation.summary).toMatch(/\$5\.00/);
  });

  it('flat per plan $39/$99/$299, rising to $59/$149/$449 at 25 active customers', async () => {
    const { code, partner, program } = await createProgramWithPartner(app.strapi, {
      commission: flat(0),
      productRates: [
        { product: 'starter', commission: flat(3900) },
        { product: 'pro', commission: flat(9900) },
        { product: 'business', commission: flat(29900) },
      ],
      tierMetric: 'active-customers',
      tiers: [
        {
          name: 'Scale',
          threshold: 25,
          commission: flat(0),
          productRates: [
            { product: 'starter', commission: flat(5900) },
            { product: 'pro', commission: flat(14900) },
            { product: 'business', commission: flat(44900) },
          ],
        },
      ],
    });
    const plan = (product: string, amount: number) =>
      orderBody({ referralCode: code, amount, items: [{ product, amount, quantity: 1 }] });

    // The first customer makes 1 active customer: base rates.
    const base = await Promise.all([
      postOrder(plan('starter', 4900)),
      postOrder(plan('pro', 12900)),
      postOrder(plan('business', 39900)),
    ]);
    expect(base.map((res) => res.body.data.commissions[0].amount).sort((a, b) => a - b)).toEqual([
      3900, 9900, 29900,
    ]);

    // 22 more existing customers: the next conversion is the 26th active customer.
    await addActiveCustomers(partner.id, program.id, 22);
    const scaled = await postOrder(plan('pro', 12900)).expect(201);
    expect(scaled.body.data.commissions[0].amount).toBe(14900);
    expect(scaled.body.data.commissions[0].explanation.steps.join(' ')).toMatch(/Scale/);
  });

  it('revenue share 10 %, 20 % from 10 active customers, recurring monthly for life', async () => {
    const { code, partner, program } = await createProgramWithPartner(app.strapi, {
      commission: percentage(1000),
      recurringMonths: null,
      tierMetric: 'active-customers',
      tiers: [{ threshold: 10, commission: percentage(2000) }],
    });
    const first = orderBody({ referralCode: code, amount: 5000, paidAt: '2026-01-05T10:00:00Z' });
    const month1 = await postOrder(first).expect(201);
    expect(month1.body.data.commissions[0]).toMatchObject({ kind: 'sale', amount: 500 });

    await addActiveCustomers(partner.id, program.id, 9);
    const renewal = (paidAt: string) =>
      postOrder(
        orderBody({
          amount: 5000,
          paidAt,
          customerExternalId: first.data.customerExternalId,
          customerEmail: first.data.customerEmail,
        })
      ).expect(201);
    const month2 = await renewal('2026-02-05T10:00:00Z');
    expect(month2.body.data.commissions[0]).toMatchObject({ kind: 'recurring', amount: 1000 });
    const month14 = await renewal('2027-03-05T10:00:00Z');
    expect(month14.body.data.commissions[0]).toMatchObject({ kind: 'recurring', amount: 1000 });
  });

  it('recurringMonths 0 pays the first paid order only', async () => {
    const { code } = await createProgramWithPartner(app.strapi, { recurringMonths: 0 });
    const first = orderBody({ referralCode: code, paidAt: '2026-03-01T10:00:00Z' });
    await postOrder(first).expect(201);
    const second = await postOrder(
      orderBody({
        customerExternalId: first.data.customerExternalId,
        paidAt: '2026-04-01T10:00:00Z',
      })
    ).expect(201);
    expect(second.body.data.commissions).toEqual([]);
    expect(second.body.data.ineligibleReason).toMatch(/^first-order-only: /);
  });
});
