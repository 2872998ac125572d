import type { Overview, OverviewQuery } from '../../plugin/contracts/admin';
import { overviewSchema } from '../../plugin/contracts/admin';
import { uid } from '../../plugin/model';
import { createPartner, createProgram } from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/**
 * SPEC §9 analytics: every number of `GET /partners/overview` equals the value worked out by
 * hand on the data set below (March 2026, UTC), with each filter, on every database.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const { app, admin } = useTestApp({ admin: true });
const partners: Record<'A' | 'B' | 'C' | 'D' | 'E', Row> = {} as never;
const programs: Record<'alpha' | 'beta', Row> = {} as never;

const at = (instant: string) => new Date(instant);
const create = (name: Parameters<typeof uid>[0], data: Row) =>
  app.strapi.db.query(uid(name)).create({ data });

/**
 * Programs alpha (USD, activated by a first click) and beta (EUR, by a first conversion).
 * Partners A and C are gold, B and D silver, E has no tier.
 */
const seed = async () => {
  const { strapi } = app;
  const alpha = await createProgram(strapi, {
    slug: 'alpha',
    currency: 'USD',
    activationEvent: 'first-click',
  });
  const beta = await createProgram(strapi, {
    slug: 'beta',
    currency: 'EUR',
    activationEvent: 'first-conversion',
  });
  Object.assign(programs, { alpha, beta });
  partners.A = await createPartner(strapi, { name: 'Ada', tier: 'gold' });
  partners.B = await createPartner(strapi, { name: 'Bea', tier: 'silver' });
  partners.C = await createPartner(strapi, { name: 'Cy', tier: 'gold' });
  partners.D = await createPartner(strapi, { name: 'Dee', tier: 'silver' });
  partners.E = await createPartner(strapi, { name: 'Eve' });
  const { A, B, C, D, E } = partners;

  const enrollment = (partner: Row, program: Row, createdAt: string, extra: Row = {}) =>
    create('enrollment', {
      partner: partner.id,
      program: program.id,
      state: 'approved',
      createdAt: at(createdAt),
      ...extra,
    });
  await enrollment(A, alpha, '2026-03-02T09:00:00Z');
  await enrollment(B, alpha, '2026-03-03T09:00:00Z');
  await enrollment(C, beta, '2026-03-05T09:00:00Z');
  await enrollment(D, beta, '2026-03-07T09:00:00Z');
  await enrollment(E, alpha, '2026-03-08T09:00:00Z', { activatedAt: at('2026-03-09T10:00:00Z') });
  await enrollment(A, beta, '2026-02-10T09:00:00Z'); // joined before March
  await enrollment(B, beta, '2026-03-04T09:00:00Z', { state: 'applied' }); // not joined

  const click = (partner: Row, program: Row, createdAt: string, extra: Row = {}) =>
    create('click', {
      code: 'code',
      partnerId: partner.id,
      programId: program.id,
      linkId: 1,
      visitorId: 'v',
      isBot: false,
      isUnique: false,
      createdAt: at(createdAt),
      ...extra,
    });
  await click(A, alpha, '2026-03-02T10:00:00Z', { isUnique: true });
  await click(A, alpha, '2026-03-02T11:00:00Z', { isUnique: true });
  await click(A, alpha, '2026-03-02T12:00:00Z');
  await click(A, alpha, '2026-03-02T13:00:00Z', { isBot: true }); // bots never count
  await click(A, alpha, '2026-02-27T10:00:00Z', { isUnique: true }); // before the range
  await click(A, alpha, '2026-04-01T00:00:00Z', { isUnique: true }); // after it
  await click(B, alpha, '2026-03-10T10:00:00Z', { isUnique: true });
  await click(B, alpha, '2026-03-10T10:05:00Z');
  await click(C, beta, '2026-03-15T10:00:00Z', { isUnique: true });
  await click(C, beta, '2026-03-31T23:59:59Z', { isUnique: true });
  await click(D, beta, '2026-03-08T10:00:00Z', { isUnique: true });

  const referral = (partner: Row, program: Row, createdAt: string, extra: Row = {}) =>
    create('referral', {
      partnerId: partner.id,
      programId: program.id,
      source: 'link',
      state: 'signed-up',
      createdAt: at(createdAt),
      ...extra,
    });
  const customer = (convertedAt: string) => ({ state: 'customer', convertedAt: at(convertedAt) });
  const rA1 = await referral(A, alpha, '2026-03-03T10:00:00Z', customer('2026-03-04T10:00:00Z'));
  await referral(A, alpha, '2026-03-05T10:00:00Z');
  const rB1 = await referral(B, alpha, '2026-03-11T10:00:00Z', customer('2026-03-12T10:00:00Z'));
  const rC1 = await referral(C, beta, '2026-03-16T10:00:00Z', customer('2026-03-20T10:00:00Z'));
  await referral(A, alpha, '2026-03-06T10:00:00Z', { state: 'rejected' });
  await referral(A, beta, '2026-02-15T10:00:00Z', customer('2026-02-20T10:00:00Z'));

  let n = 0;
  const order = (partner: Row | null, program: Row | null, data: Row) =>
    create('order', {
      externalId: `ord-${(n += 1)}`,
      partnerId: partner?.id ?? null,
      programId: program?.id ?? null,
      state: 'paid',
      source: 'api',
      ...data,
    });
  await order(A, alpha, {
    referralId: rA1.id,
    amount: 10000,
    currency: 'USD',
    paidAt: at('2026-03-04T10:00:00Z'),
  });
  await order(A, alpha, {
    referralId: rA1.id,
    amount: 5000,
    refundedAmount: 1000,
    state: 'partially-refunded',
    currency: 'USD',
    paidAt: at('2026-03-04T11:00:00Z'),
  });
  await order(B, alpha, {
    referralId: rB1.id,
    amount: 20000,
    currency: 'USD',
    paidAt: at('2026-03-12T10:00:00Z'),
  });
  await order(C, beta, {
    referralId: rC1.id,
    amount: 8000,
    currency: 'EUR',
    paidAt: at('2026-03-20T10:00:00Z'),
  });
  await order(A, alpha, { amount: 9999, currency: 'USD', state: 'failed' });
  await order(A, alpha, { amount: 9999, currency: 'USD', state: 'pending' });
  await order(null, null, { amount: 7000, currency: 'USD', paidAt: at('2026-03-05T10:00:00Z') });
  await order(A, alpha, { amount: 3000, currency: 'USD', paidAt: at('2026-02-28T10:00:00Z') });

  const commission = (partner: Row, program: Row, data: Row) =>
    create('commission', {
      partnerId: partner.id,
      programId: program.id,
      level: 1,
      kind: 'sale',
      basisAmount: 0,
      idempotencyKey: `k-${(n += 1)}`,
      ...data,
      createdAt: at(data.createdAt),
    });
  const usd = (amount: number, state: string, createdAt: string, extra: Row = {}) => ({
    amount,
    state,
    createdAt,
    currency: 'USD',
    ...extra,
  });
  await commission(A, alpha, usd(2000, 'pending', '2026-03-04T10:00:00Z'));
  await commission(A, alpha, usd(800, 'approved', '2026-03-04T11:00:00Z'));
  await commission(A, alpha, usd(500, 'paid', '2026-03-05T10:00:00Z'));
  await commission(A, alpha, usd(999, 'rejected', '2026-03-05T10:00:00Z'));
  await commission(A, alpha, usd(300, 'reversed', '2026-03-05T10:00:00Z'));
  await commission(A, alpha, usd(-100, 'pending', '2026-03-06T10:00:00Z', { kind: 'clawback' }));
  await commission(A, alpha, usd(7777, 'pending', '2026-02-20T10:00:00Z'));
  await commission(B, alpha, usd(4000, 'pending', '2026-03-12T10:00:00Z'));
  await commission(C, beta, {
    amount: 1600,
    currency: 'EUR',
    state: 'approved',
    createdAt: '2026-03-20T10:00:00Z',
  });
};

beforeAll(async () => {
  await seed();
});

const overview = async (query: Partial<OverviewQuery> = {}): Promise<Overview> => {
  const res = await app
    .request()
    .get('/partners/overview')
    .query({ from: '2026-03-01', to: '2026-03-31', ...query })
    .set('Authorization', `Bearer ${admin()}`);
  expect(res.status).toBe(200);
  return overviewSchema.parse(res.body.data);
};

describe('GET /partners/overview', () => {
  it('counts March by hand: clicks without bots, referrals, customers, revenue, ledger', async () => {
    const data = await overview();
    expect(data.range).toEqual({ from: '2026-03-01', to: '2026-03-31', interval: 'day' });
    expect(data.kpis).toEqual({
      clicks: 8,
      uniqueClicks: 6,
      referrals: 4,
      customers: 3,
      convertedReferrals: 3,
      conversionRateBps: 7500,
      clickToCustomerBps: 5000,
      attributedRevenue: [
        { amount: 8000, currency: 'EUR' },
        { amount: 34000, currency: 'USD' },
      ],
      commissions: {
        pending: [{ amount: 5900, currency: 'USD' }],
        approved: [
          { amount: 1600, currency: 'EUR' },
          { amount: 800, currency: 'USD' },
        ],
        paid: [{ amount: 500, currency: 'USD' }],
      },
      deals: [],
      activation: {
        joined: 5,
        activated: 4,
        rateBps: 8000,
        cohorts: [{ month: '2026-03-01', joined: 5, activated: 4, rateBps: 8000 }],
      },
    });
  });

  it('fills every day of the range, the last second of the last day included', async () => {
    const { series, revenueSeries } = await overview();
    expect(series).toHaveLength(31);
    const day = (date: string) => series.find((point) => point.date === date);
    expect(day('2026-03-01')).toEqual({
      date: '2026-03-01',
      clicks: 0,
      referrals: 0,
      customers: 0,
    });
    expect(day('2026-03-02')).toEqual({
      date: '2026-03-02',
      clicks: 3,
      referrals: 0,
      customers: 0,
    });
    expect(day('2026-03-03')).toEqual({
      date: '2026-03-03',
      clicks: 0,
      referrals: 1,
      customers: 0,
    });
    expect(day('2026-03-04')).toEqual({
      date: '2026-03-04',
      clicks: 0,
      referrals: 0,
      customers: 1,
    });
    expect(day('2026-03-10')?.clicks).toBe(2);
    expect(day('2026-03-31')?.clicks).toBe(1);
    expect(series.reduce((sum, point) => sum + point.clicks, 0)).toBe(8);
    expect(revenueSeries).toEqual([
      { date: '2026-03-04', currency: 'USD', amount: 14000 },
      { date: '2026-03-12', currency: 'USD', amount: 20000 },
      { date: '2026-03-20', currency: 'EUR', amount: 8000 },
    ]);
  });

  it('buckets by month', async () => {
    const { series, revenueSeries } = await overview({ interval: 'month' });
    expect(series).toEqual([{ date: '2026-03-01', clicks: 8, referrals: 4, customers: 3 }]);
    expect(revenueSeries).toEqual([
      { date: '2026-03-01', currency: 'EUR', amount: 8000 },
      { date: '2026-03-01', currency: 'USD', amount: 34000 },
    ]);
  });

  it('ranks top partners by paid orders and gives each its share of the revenue', async () => {
    const { topPartners, contribution } = await overview();
    const { A, B, C } = partners;
    expect(topPartners).toEqual([
      {
        documentId: A.documentId,
        name: 'Ada',
        revenue: [{ amount: 14000, currency: 'USD' }],
        customers: 1,
        commissions: [{ amount: 3200, currency: 'USD' }],
        deals: [],
      },
      {
        documentId: B.documentId,
        name: 'Bea',
        revenue: [{ amount: 20000, currency: 'USD' }],
        customers: 1,
        commissions: [{ amount: 4000, currency: 'USD' }],
        deals: [],
      },
      {
        documentId: C.documentId,
        name: 'Cy',
        revenue: [{ amount: 8000, currency: 'EUR' }],
        customers: 1,
        commissions: [{ amount: 1600, currency: 'EUR' }],
        deals: [],
      },
    ]);
    expect(contribution).toEqual([
      { documentId: A.documentId, name: 'Ada', currency: 'USD', shareBps: 4118 },
      { documentId: B.documentId, name: 'Bea', currency: 'USD', shareBps: 5882 },
      { documentId: C.documentId, name: 'Cy', currency: 'EUR', shareBps: 10000 },
    ]);
  });

  it('filters by program', async () => {
    const { kpis, topPartners } = await overview({ program: 'beta' });
    expect(kpis).toMatchObject({
      clicks: 3,
      uniqueClicks: 3,
      referrals: 1,
      customers: 1,
      convertedReferrals: 1,
      conversionRateBps: 10000,
      clickToCustomerBps: 3333,
      attributedRevenue: [{ amount: 8000, currency: 'EUR' }],
      commissions: { pending: [], approved: [{ amount: 1600, currency: 'EUR' }], paid: [] },
      // C converted; D only clicked, and beta activates on a first conversion
      activation: { joined: 2, activated: 1, rateBps: 5000 },
    });
    expect(topPartners.map((partner) => partner.name)).toEqual(['Cy']);
  });

  it('filters by partner tier', async () => {
    const { kpis } = await overview({ tier: 'gold' });
    expect(kpis).toMatchObject({
      clicks: 5,
      uniqueClicks: 4,
      referrals: 3,
      customers: 2,
      attributedRevenue: [
        { amount: 8000, currency: 'EUR' },
        { amount: 14000, currency: 'USD' },
      ],
      commissions: {
        pending: [{ amount: 1900, currency: 'USD' }],
        approved: [
          { amount: 1600, currency: 'EUR' },
          { amount: 800, currency: 'USD' },
        ],
        paid: [{ amount: 500, currency: 'USD' }],
      },
      activation: { joined: 2, activated: 2, rateBps: 10000 },
    });
  });

  it('filters by partner', async () => {
    const { kpis, topPartners } = await overview({ partner: partners.B.documentId });
    expect(kpis).toEqual({
      clicks: 2,
      uniqueClicks: 1,
      referrals: 1,
      customers: 1,
      convertedReferrals: 1,
      conversionRateBps: 10000,
      clickToCustomerBps: 10000,
      attributedRevenue: [{ amount: 20000, currency: 'USD' }],
      commissions: { pending: [{ amount: 4000, currency: 'USD' }], approved: [], paid: [] },
      deals: [],
      activation: {
        joined: 1,
        activated: 1,
        rateBps: 10000,
        cohorts: [{ month: '2026-03-01', joined: 1, activated: 1, rateBps: 10000 }],
      },
    });
    expect(topPartners.map((partner) => partner.name)).toEqual(['Bea']);
  });

  it('filters by date range', async () => {
    const { kpis, series } = await overview({ from: '2026-03-10', to: '2026-03-12' });
    expect(series.map((point) => point.date)).toEqual(['2026-03-10', '2026-03-11', '2026-03-12']);
    expect(kpis).toEqual({
      clicks: 2,
      uniqueClicks: 1,
      referrals: 1,
      customers: 1,
      convertedReferrals: 1,
      conversionRateBps: 10000,
      clickToCustomerBps: 10000,
      attributedRevenue: [{ amount: 20000, currency: 'USD' }],
      commissions: { pending: [{ amount: 4000, currency: 'USD' }], approved: [], paid: [] },
      deals: [],
      activation: { joined: 0, activated: 0, rateBps: 0, cohorts: [] },
    });
  });

  it.each([
    // One unique click (C, 15th), two customers (B 12th, C 20th), one referral created (C, 16th)
    // that converted: more customers than unique clicks.
    ['12th–20th: click-to-customer passes 100 %', '2026-03-12', '2026-03-20', [1, 1, 2, 1], 20000],
    // C's referral of the 16th converts on the 20th, after the range: it counts as converted.
    ['16th: converted after the range', '2026-03-16', '2026-03-16', [0, 1, 0, 1], 0],
    // A's referral of the 5th never converted: in the denominator only.
    ['3rd–5th: one of two converted', '2026-03-03', '2026-03-05', [0, 2, 1, 1], 0],
  ] as const)(
    'conversion rate = converted referrals / referrals, never over 100 % (%s)',
    async (_label, from, to, [uniqueClicks, referrals, customers, converted], clickBps) => {
      const { kpis } = await overview({ from, to });
      expect(kpis).toMatchObject({ uniqueClicks, referrals, customers });
      expect(kpis.convertedReferrals).toBe(converted);
      expect(kpis.conversionRateBps).toBe(Math.round((converted * 10000) / referrals));
      expect(kpis.conversionRateBps).toBeLessThanOrEqual(10000);
      expect(kpis.clickToCustomerBps).toBe(clickBps);
    }
  );

  it('counts activation by the end of the range', async () => {
    const early = await overview({ from: '2026-03-01', to: '2026-03-08' });
    // joined: A, B, C, D, E (E on the 8th); activated by the end of the 8th: only A (a click on
    // the 2nd). B clicks on the 10th, E's activatedAt is the 9th, C converts on the 20th.
    expect(early.kpis.activation).toMatchObject({ joined: 5, activated: 1, rateBps: 2000 });
  });

  it('gives the activation rate per joining month as well as overall', async () => {
    const { activation } = (await overview({ from: '2026-02-01', to: '2026-03-31' })).kpis;
    // A joined beta in February (converted on the 20th); in March A, B, C, D and E joined, and
    // all but D reached their event. A counts once overall, once in each month it joined in.
    expect(activation).toEqual({
      joined: 5,
      activated: 4,
      rateBps: 8000,
      cohorts: [
        { month: '2026-02-01', joined: 1, activated: 1, rateBps: 10000 },
        { month: '2026-03-01', joined: 5, activated: 4, rateBps: 8000 },
      ],
    });
  });

  it('counts the deals partners registered, by state, with their value per currency', async () => {
    const { A, B } = partners;
    const { alpha, beta } = programs;
    const deal = (partner: Row, program: Row, state: string, createdAt: string, value?: number) =>
      create('deal', {
        partner: partner.id,
        program: program.id,
        company: `Co ${state}`,
        contactEmail: 'buyer@example.com',
        state,
        estimatedValue: value ?? null,
        currency: value === undefined ? null : program.currency,
        createdAt: at(createdAt),
      });
    // April: A's paid order ranks A; deals of A and B; one in May outside the range.
    await create('order', {
      externalId: 'ord-april',
      partnerId: A.id,
      programId: alpha.id,
      state: 'paid',
      source: 'api',
      amount: 1000,
      currency: 'USD',
      paidAt: at('2026-04-10T10:00:00Z'),
    });
    await deal(A, alpha, 'won', '2026-04-05T10:00:00Z', 5000);
    await deal(A, alpha, 'submitted', '2026-04-06T10:00:00Z', 1000);
    await deal(A, alpha, 'submitted', '2026-04-07T10:00:00Z'); // no value given
    await deal(A, beta, 'approved', '2026-04-08T10:00:00Z', 3000);
    await deal(B, alpha, 'lost', '2026-04-11T10:00:00Z', 2000);
    await deal(B, alpha, 'won', '2026-05-02T10:00:00Z', 9000);

    const april = { from: '2026-04-01', to: '2026-04-30' };
    const ofA = [
      { state: 'approved', count: 1, value: [{ amount: 3000, currency: 'EUR' }] },
      { state: 'submitted', count: 2, value: [{ amount: 1000, currency: 'USD' }] },
      { state: 'won', count: 1, value: [{ amount: 5000, currency: 'USD' }] },
    ];
    const lostOfB = { state: 'lost', count: 1, value: [{ amount: 2000, currency: 'USD' }] };
    const all = await overview(april);
    expect(all.kpis.deals).toEqual([ofA[0], lostOfB, ofA[1], ofA[2]]);
    expect(all.topPartners.map((partner) => [partner.name, partner.deals])).toEqual([['Ada', ofA]]);
    expect((await overview({ ...april, partner: B.documentId })).kpis.deals).toEqual([lostOfB]);
    expect((await overview({ ...april, tier: 'gold' })).kpis.deals).toEqual(ofA);
    expect((await overview({ ...april, program: 'beta' })).kpis.deals).toEqual([ofA[0]]);
    // March, where no deal was registered, is unchanged.
    expect((await overview()).kpis.deals).toEqual([]);
  });

  it('answers 400 to bad filters and 404 to an unknown program or partner', async () => {
    const get = (query: Record<string, string>) =>
      app
        .request()
        .get('/partners/overview')
        .query(query)
        .set('Authorization', `Bearer ${admin()}`);
    await get({ from: '2026-02-30' }).expect(400);
    await get({ from: '2026-03-10', to: '2026-03-01' }).expect(400);
    await get({ interval: 'hour' }).expect(400);
    await get({ program: 'Not A Slug' }).expect(400);
    await get({ surprise: '1' }).expect(400);
    await get({ program: 'nope' }).expect(404);
    await get({ partner: 'doesnotexist' }).expect(404);
  });
});
