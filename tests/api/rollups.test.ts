import fc from 'fast-check';
import type { Overview, OverviewQuery } from '../../plugin/contracts/admin';
import { overviewSchema } from '../../plugin/contracts/admin';
import { uid } from '../../plugin/model';
import type { OverviewService } from '../../server/src/analytics/overview';
import type { RollupsService } from '../../server/src/analytics/rollups';
import type { PartnerStatsService } from '../../server/src/analytics/partner-stats';
import { createPartner, createProgram, enroll } from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/**
 * SPEC §9, §12: after any sequence of clicks, sign-ups, orders, refunds, ledger approvals,
 * payouts and deals over several days (rows backdated, some changed after a refresh already
 * rolled their day up), the overview read from the rollups equals a full recount over the raw
 * tables, for every filter; and the admin rebuild answers what it did.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const { app, admin } = useTestApp({ admin: true });
const DAY_MS = 86_400_000;
/** Most events fall in the last few days (refreshed, then changed); some months back. */
const DAYS = 5;
const MONTHS_OF_DAYS = 75;
const today = () => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
/** A moment of the day `daysAgo` before today (0: today, read live), `minute` into it. */
const moment = (daysAgo: number, minute: number) =>
  new Date(today().getTime() - daysAgo * DAY_MS + (daysAgo === 0 ? 0 : minute * 60_000));
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

const programs: Row[] = [];
const partners: Row[] = [];
const RAW = ['click', 'referral', 'order', 'commission', 'deal'] as const;

const rollups = () => app.strapi.plugin('partners').service('rollups') as RollupsService;
const overviews = () => app.strapi.plugin('partners').service('overview') as OverviewService;
const query = (name: Parameters<typeof uid>[0]) => app.strapi.db.query(uid(name));

beforeAll(async () => {
  // Activation by first click: the overview looks closed days up in the rollups, the recount
  // in the clicks.
  const firstClick = { activationEvent: 'first-click' };
  programs.push(
    await createProgram(app.strapi, { slug: 'roll-usd', currency: 'USD', ...firstClick })
  );
  programs.push(
    await createProgram(app.strapi, { slug: 'roll-eur', currency: 'EUR', ...firstClick })
  );
  partners.push(await createPartner(app.strapi, { name: 'Gold', tier: 'gold' }));
  partners.push(await createPartner(app.strapi, { name: 'Silver', tier: 'silver' }));
  partners.push(await createPartner(app.strapi, { name: 'Plain' }));
  await enroll(app.strapi, partners[0], programs[0]);
  await enroll(app.strapi, partners[1], programs[1]);
  await enroll(app.strapi, partners[2], programs[0], {
    createdAt: new Date(Date.now() - 30 * DAY_MS),
  });
});

const index = (max: number) => fc.nat({ max: max - 1 });
const when = fc.record({
  daysAgo: fc.oneof(fc.nat({ max: DAYS }), fc.nat({ max: MONTHS_OF_DAYS })),
  minute: fc.nat({ max: 1439 }),
});

/** One event; `target` picks an earlier row of the kind it changes (modulo how many exist). */
const eventArbitrary = fc.oneof(
  fc.record({
    kind: fc.constant('click' as const),
    partner: fc.option(index(3)),
    program: index(2),
    when,
    unique: fc.boolean(),
    bot: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('referral' as const),
    partner: index(3),
    program: index(2),
    when,
    state: fc.constantFrom('lead', 'signed-up', 'rejected'),
  }),
  fc.record({ kind: fc.constant('sign-up' as const), target: fc.nat(), when }),
  fc.record({ kind: fc.constant('convert' as const), target: fc.nat(), when }),
  fc.record({
    kind: fc.constant('order' as const),
    partner: fc.option(index(3)),
    program: index(2),
    when,
    amount: fc.integer({ min: 1, max: 50_000 }),
    paid: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('refund' as const), target: fc.nat(), full: fc.boolean() }),
  fc.record({
    kind: fc.constant('commission' as const),
    partner: index(3),
    program: index(2),
    when,
    amount: fc.integer({ min: -2_000, max: 10_000 }),
  }),
  fc.record({
    kind: fc.constant('ledger' as const),
    target: fc.nat(),
    state: fc.constantFrom('approved', 'paid', 'rejected', 'reversed', 'on-hold'),
  }),
  fc.record({
    kind: fc.constant('deal' as const),
    partner: index(3),
    program: fc.option(index(2)),
    when,
    value: fc.option(fc.integer({ min: 0, max: 90_000 })),
  }),
  fc.record({
    kind: fc.constant('deal-state' as const),
    target: fc.nat(),
    state: fc.constantFrom('approved', 'rejected', 'won', 'lost', 'expired'),
  }),
  fc.record({ kind: fc.constant('refresh' as const) })
);
type Event = typeof eventArbitrary extends fc.Arbitrary<infer T> ? T : never;

let serial = 0;
/** Applies one event the way the plugin's writers do (creates; state changes by `updateMany`). */
const apply = async (event: Event, made: Record<string, Row[]>) => {
  const pick = (kind: string, target: number) =>
    made[kind].length > 0 ? made[kind][target % made[kind].length] : null;
  const keep = async (kind: (typeof RAW)[number], data: Row) =>
    made[kind].push(await query(kind).create({ data }));
  serial += 1;
  switch (event.kind) {
    case 'click':
      return keep('click', {
        code: 'roll',
        partnerId: event.partner === null ? null : partners[event.partner].id,
        programId: programs[event.program].id,
        isUnique: event.unique,
        isBot: event.bot,
        createdAt: moment(event.when.daysAgo, event.when.minute),
      });
    case 'referral':
      return keep('referral', {
        partnerId: partners[event.partner].id,
        programId: programs[event.program].id,
        source: 'link',
        state: event.state,
        createdAt: moment(event.when.daysAgo, event.when.minute),
      });
    case 'sign-up':
    case 'convert': {
      const referral = pick('referral', event.target);
      if (!referral) return;
      const at = moment(event.when.daysAgo, event.when.minute);
      await query('referral').updateMany({
        where: { id: referral.id },
        data:
          event.kind === 'sign-up'
            ? { signedUpAt: at }
            : { convertedAt: at, ...(referral.state === 'rejected' ? {} : { state: 'customer' }) },
      });
      return;
    }
    case 'order': {
      const program = programs[event.program];
      return keep('order', {
        externalId: `roll-${serial}`,
        partnerId: event.partner === null ? null : partners[event.partner].id,
        programId: program.id,
        source: 'api',
        state: event.paid ? 'paid' : 'pending',
        amount: event.amount,
        currency: program.currency,
        paidAt: event.paid ? moment(event.when.daysAgo, event.when.minute) : null,
      });
    }
    case 'refund': {
      const order = pick('order', event.target);
      if (!order || order.state !== 'paid') return;
      const refunded = event.full ? order.amount : Math.floor(order.amount / 2);
      await query('order').updateMany({
        where: { id: order.id },
        data: {
          refundedAmount: refunded,
          state: event.full ? 'refunded' : 'partially-refunded',
        },
      });
      return;
    }
    case 'commission': {
      const program = programs[event.program];
      return keep('commission', {
        partnerId: partners[event.partner].id,
        programId: program.id,
        level: 1,
        kind: event.amount < 0 ? 'clawback' : 'sale',
        basisAmount: 0,
        idempotencyKey: `roll-${serial}`,
        amount: event.amount,
        currency: program.currency,
        state: 'pending',
        createdAt: moment(event.when.daysAgo, event.when.minute),
      });
    }
    case 'ledger': {
      const entry = pick('commission', event.target);
      if (entry)
        await query('commission').updateMany({
          where: { id: entry.id },
          data: { state: event.state },
        });
      return;
    }
    case 'deal': {
      const program = event.program === null ? null : programs[event.program];
      return keep('deal', {
        partner: partners[event.partner].id,
        program: program?.id ?? null,
        company: `Company ${serial}`,
        companyKey: `company-${serial}`,
        contactEmail: `buyer-${serial}@deals.test`,
        estimatedValue: event.value,
        currency: event.value === null ? null : (program?.currency ?? 'USD'),
        state: 'submitted',
        createdAt: moment(event.when.daysAgo, event.when.minute),
      });
    }
    case 'deal-state': {
      const deal = pick('deal', event.target);
      if (deal)
        await query('deal').updateMany({ where: { id: deal.id }, data: { state: event.state } });
      return;
    }
    case 'refresh':
      await rollups().refresh();
      return;
  }
};

const partnerStats = () =>
  app.strapi.plugin('partners').service('partner-stats') as PartnerStatsService;

/** A partner's pending and approved ledger totals per currency, summed over the raw rows. */
const earningsOf = async (partnerId: number) => {
  const entries: Row[] = await query('commission').findMany({ where: { partnerId } });
  const of = (state: string) => {
    const byCurrency = new Map<string, number>();
    for (const entry of entries.filter((row) => row.state === state))
      byCurrency.set(entry.currency, (byCurrency.get(entry.currency) ?? 0) + Number(entry.amount));
    return [...byCurrency.entries()]
      .filter(([, amount]) => amount !== 0)
      .map(([currency, amount]) => ({ amount, currency }))
      .sort((a, b) => a.currency.localeCompare(b.currency));
  };
  return { pending: of('pending'), approved: of('approved') };
};

/**
 * The derived rows hold exactly the sums of the partners' days: per program and day (partner
 * 0), and per partner and month (`YYYY-MM`), by currency. Zero rows are left out on both sides.
 */
const expectDerivedGrains = async () => {
  const rows: Row[] = await query('daily-rollup').findMany({
    where: { day: { $ne: 'watermark' } },
  });
  const measures = Object.keys(rows[0] ?? {}).filter(
    (name) =>
      !['id', 'documentId', 'grain', 'day', 'programId', 'partnerId', 'currency'].includes(name) &&
      !['createdAt', 'updatedAt', 'publishedAt', 'locale', 'refreshedAt'].includes(name)
  );
  const summed = (grain: string, keyOf: (row: Row) => string) => {
    const sums = new Map<string, Record<string, number>>();
    for (const row of rows.filter((each) => each.grain === 'day')) {
      const key = `${grain} ${keyOf(row)} ${row.currency}`;
      const into = sums.get(key) ?? Object.fromEntries(measures.map((name) => [name, 0]));
      for (const name of measures) into[name] += Number(row[name]);
      sums.set(key, into);
    }
    return sums;
  };
  const stored = (grain: string) =>
    new Map(
      rows
        .filter((row) => row.grain === grain)
        .map((row) => [
          `${grain} ${row.day} ${row.programId} ${row.partnerId} ${row.currency}`,
          Object.fromEntries(measures.map((name) => [name, Number(row[name])])),
        ])
    );
  const nonZero = (sums: Map<string, Record<string, number>>) =>
    [...sums.entries()]
      .filter(([, values]) => Object.values(values).some((value) => value !== 0))
      .sort(([a], [b]) => a.localeCompare(b));
  expect(nonZero(stored('program-day'))).toEqual(
    nonZero(summed('program-day', (row) => `${row.day} ${row.programId} 0`))
  );
  expect(nonZero(stored('month'))).toEqual(
    nonZero(summed('month', (row) => `${row.day.slice(0, 7)} ${row.programId} ${row.partnerId}`))
  );
};

const overviewOverHttp = async (params: Partial<OverviewQuery>) => {
  const res = await app
    .request()
    .get('/partners/overview')
    .query(params)
    .set('Authorization', `Bearer ${admin()}`)
    .expect(200);
  return overviewSchema.parse(res.body.data) as Overview;
};

/** The filters compared: none, a program, a tier, a partner; by day and by month; a closed range. */
const filtersOf = (): Partial<OverviewQuery>[] => {
  // Over whole months (read from the month rows when ranking partners) and over a few days.
  const from = dayOf(moment(MONTHS_OF_DAYS, 0));
  const recent = dayOf(moment(DAYS, 0));
  const to = dayOf(today());
  const closedTo = dayOf(moment(1, 0));
  const secondOfMonthBefore = dayOf(
    new Date(Date.UTC(today().getUTCFullYear(), today().getUTCMonth() - 1, 2))
  );
  return [
    { from, to },
    { from, to, interval: 'month' },
    { from, to, program: 'roll-eur' },
    { from, to, tier: 'gold' },
    { from, to, partner: partners[1].documentId },
    { from: recent, to },
    { from: recent, to, tier: 'silver' },
    { from, to: closedTo, program: 'roll-usd', interval: 'month' },
    // Edge months read whole less the days outside, or day by day (whichever reads fewer days).
    { from: secondOfMonthBefore, to },
    { from: secondOfMonthBefore, to: dayOf(moment(3, 0)) },
    { from: secondOfMonthBefore, to: dayOf(moment(20, 0)), partner: partners[0].documentId },
    { from: dayOf(moment(40, 0)), to: dayOf(moment(12, 0)), tier: 'gold' },
    { from: dayOf(moment(2, 0)), to: closedTo },
  ];
};

describe('rollups equal a full recount', () => {
  it('for random event sequences over several days, every filter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArbitrary, { minLength: 1, maxLength: 30 }),
        async (events) => {
          for (const name of RAW) await query(name).deleteMany({});
          // Deleted raw rows are not "changed rows": a rebuild is what forgets them.
          await rollups().rebuild();
          const made: Record<string, Row[]> = Object.fromEntries(RAW.map((name) => [name, []]));
          for (const event of events) await apply(event, made);
          for (const filter of filtersOf()) {
            const rolled = await overviewOverHttp(filter);
            const recounted = await overviews().recount({ interval: 'day', ...filter });
            expect(rolled).toEqual(recounted);
          }
          await expectDerivedGrains();
          // The portal's all-time earnings (months and days of the rollups, and today live).
          for (const partner of partners) {
            const { totals } = await partnerStats().stats(partner as never, { range: '4w' });
            expect({ pending: totals.pendingEarnings, approved: totals.approvedEarnings }).toEqual(
              await earningsOf(partner.id)
            );
          }
        }
      ),
      { numRuns: 10, seed: Number(process.env.ROLLUPS_SEED ?? 20261207), endOnFailure: true }
    );
  }, 120_000);
});

describe('ranges over part of a month', () => {
  it('read whole months less the days outside, or day by day, and add up the same', async () => {
    for (const name of RAW) await query(name).deleteMany({});
    // Every day of the last 70: a paid order of partner 0 or 1 and a click, in two currencies.
    for (let daysAgo = 0; daysAgo < 70; daysAgo += 1) {
      const program = programs[daysAgo % 2];
      await query('order').create({
        data: {
          externalId: `edge-${daysAgo}`,
          partnerId: partners[daysAgo % 3 === 0 ? 0 : 1].id,
          programId: program.id,
          source: 'api',
          state: 'paid',
          amount: 1_000 + daysAgo,
          currency: program.currency,
          paidAt: moment(daysAgo, 600),
        },
      });
      await query('click').create({
        data: {
          code: 'edge',
          partnerId: partners[daysAgo % 3].id,
          programId: program.id,
          isUnique: true,
          isBot: false,
          createdAt: moment(daysAgo, 60),
        },
      });
    }
    await rollups().rebuild();
    const month = (back: number, day: number) =>
      dayOf(new Date(Date.UTC(today().getUTCFullYear(), today().getUTCMonth() - back, day)));
    const ranges = [
      [month(2, 2), dayOf(today())],
      [month(2, 28), dayOf(moment(1, 0))],
      [month(1, 1), dayOf(moment(2, 0))],
      [month(1, 3), month(1, 25)],
      [month(2, 15), month(1, 5)],
      [dayOf(moment(40, 0)), dayOf(moment(3, 0))],
    ];
    for (const [from, to] of ranges) {
      for (const filter of [{}, { partner: partners[0].documentId }, { tier: 'silver' }]) {
        const params = { from, to, ...filter };
        expect(await overviewOverHttp(params)).toEqual(
          await overviews().recount({ interval: 'day', ...params })
        );
      }
    }
    for (const partner of partners) {
      const { totals } = await partnerStats().stats(partner as never, { range: '6m' });
      expect({ pending: totals.pendingEarnings, approved: totals.approvedEarnings }).toEqual(
        await earningsOf(partner.id)
      );
    }
  });
});

describe('rebuild', () => {
  const rebuild = (body: Row, token = admin()) =>
    app
      .request()
      .post('/partners/overview/rebuild')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: body });

  it('recomputes a range or everything and answers what it did', async () => {
    await query('click').create({
      data: {
        code: 'roll',
        partnerId: partners[0].id,
        programId: programs[0].id,
        isUnique: true,
        isBot: false,
        createdAt: moment(2, 60),
      },
    });
    const day = dayOf(moment(2, 0));
    const res = await rebuild({ from: day, to: day }).expect(200);
    expect(res.body.data).toMatchObject({ from: day, to: day, days: 1 });
    expect(res.body.data.rows).toBeGreaterThan(0);
    const all = await rebuild({}).expect(200);
    expect(all.body.data).toMatchObject({ from: null, to: dayOf(moment(1, 0)) });
  });

  it('refuses bad ranges with a 400 and stores nothing', async () => {
    await rebuild({ from: 'yesterday' }).expect(400);
    await rebuild({ from: '2026-03-10', to: '2026-03-01' }).expect(400);
    await rebuild({ extra: 1 }).expect(400);
    await app
      .request()
      .post('/partners/overview/rebuild')
      .set('Authorization', `Bearer ${admin()}`)
      .send({ from: '2026-03-01' })
      .expect(400);
  });
});
