import type { RunPayoutsRequest } from '../../plugin/contracts/payouts';
import { applyBps, prorate } from '../../plugin/money';
import { uid } from '../../plugin/model';
import {
  commissionsOf,
  createLink,
  createPartner,
  createProgram,
  enroll,
  orderBody,
} from '../helpers/fixtures';
import { entriesOfPayouts } from '../helpers/ledger';
import { currentDatabase } from '../helpers/strapi';
import { useTestApp } from '../helpers/test-app';

/**
 * SPEC §5.7, §10 under contention: 200 refunds (full, partial, replayed) racing 10 overlapping
 * payout runs over HTTP. Deadlocks the database breaks (PostgreSQL, MySQL) must be retried as
 * whole transactions: every request succeeds, every refund lands once, and payouts hold exactly
 * the entries they add up.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PARTNERS = 20;
const RECRUITERS = 4;
/** One order per partner in each of the six months before this one, oldest first. */
const MONTHS_BACK = [6, 5, 4, 3, 2, 1];
/**
 * The runs, by index into those months: each new month's run follows one that repeats the month
 * before, and every run also covers the months before its own (overlapping partner sets).
 */
const RUNS = [0, 1, 0, 2, 1, 3, 2, 4, 3, 5];
const LEVEL_ONE_BPS = 2000;
const LEVEL_TWO_BPS = 500;

/** An entry's stored life-cycle state, read in one place. */
const stateOf = (entry: Row): string => entry.state;
const counts = (entry: Row) => !['reversed', 'rejected'].includes(stateOf(entry));

interface Refund {
  externalId: string;
  amount: number;
  refundId: string;
}
interface SeededOrder {
  externalId: string;
  /** Who earns its level-1 and level-2 commissions (null: no recruiter). */
  earners: [number, number | null];
  amount: number;
  refunds: Refund[];
}

/** "YYYY-MM" of the month `back` months before now (UTC). */
const monthBefore = (back: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1))
    .toISOString()
    .slice(0, 7);
};

/** A fixed shuffle (a small LCG), so a failure replays in the same order. */
const shuffled = <T>(values: readonly T[]) => {
  const result = [...values];
  let seed = 20260101;
  for (let index = result.length - 1; index > 0; index -= 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const other = seed % (index + 1);
    [result[index], result[other]] = [result[other], result[index]];
  }
  return result;
};

/**
 * The refunds of each order: a third refunded in full, most of the rest in two partial refunds,
 * a few not at all; then replays of earlier refunds (same `refundId`) up to 200 requests.
 */
const planRefunds = (orders: SeededOrder[]) => {
  orders.forEach((order, index) => {
    const refund = (amount: number, n: number) => ({
      externalId: order.externalId,
      amount,
      refundId: `re_${order.externalId}_${n}`,
    });
    if (index % 3 === 0) order.refunds = [refund(order.amount, 1)];
    else if (index % 12 !== 1)
      order.refunds = [
        refund(Math.floor(order.amount / 5), 1),
        refund(Math.floor((order.amount * 3) / 10), 2),
      ];
  });
  const distinct = orders.flatMap((order) => order.refunds);
  const replays = distinct.filter((_, index) => index % 9 === 4).slice(0, 200 - distinct.length);
  return [...distinct, ...replays];
};

/**
 * One level of a refunded order's ledger: the original, then one reversal or clawback per refund
 * state it went through (none for replays). Answers what the level is worth now, which must be
 * what the engine makes of the order: its share of what was not refunded.
 */
const checkLevel = (order: SeededOrder, entries: Row[], commission: number) => {
  const refunded = order.refunds.reduce((sum, refund) => sum + refund.amount, 0);
  const [original, ...negatives] = entries;
  expect(original).toMatchObject({ kind: 'sale', amount: commission });
  const full = refunded === order.amount;
  if (full && stateOf(original) === 'reversed') {
    // The refund came first: reversed before any run took it.
    expect(original.payoutId).toBeNull();
    expect(negatives).toEqual([]);
  } else if (full) {
    // A run took it first: it stays in its payout and is clawed back from a later one.
    expect(original.payoutId).not.toBeNull();
    expect(negatives.map((entry) => [entry.kind, entry.amount])).toEqual([
      ['clawback', -commission],
    ]);
  } else {
    expect(stateOf(original)).toBe('approved');
    // An adjustment while unpaid, a clawback once in a payout: one per refund.
    expect(negatives).toHaveLength(order.refunds.length);
    for (const entry of negatives) expect(['adjustment', 'clawback']).toContain(entry.kind);
  }
  const worth = full ? 0 : commission - prorate(commission, refunded, order.amount);
  const counted = entries.filter(counts).reduce((sum, entry) => sum + entry.amount, 0);
  expect(counted).toBe(worth);
  return worth;
};

const onServerDatabase = currentDatabase() !== 'sqlite';
const TITLE = 'refunds racing payout runs';
// SQLite has a single writer: transactions never interleave there, so nothing races.
const suite = onServerDatabase ? describe : describe.skip;

suite(
  onServerDatabase ? TITLE : `${TITLE} (PostgreSQL and MySQL only: SQLite has one writer)`,
  () => {
    const { app, apiToken, admin } = useTestApp({ apiToken: true, admin: true });
    const orders: SeededOrder[] = [];
    const periods = MONTHS_BACK.map(monthBefore);

    beforeAll(async () => {
      const program = await createProgram(app.strapi, {
        holdDays: 0,
        autoApprove: true,
        payoutMinimum: 0,
        tierMode: 'two-tier',
        commission: { type: 'percentage', bps: LEVEL_ONE_BPS },
        secondTier: { commission: { type: 'percentage', bps: LEVEL_TWO_BPS }, basis: 'sale' },
      });
      // Recruiters first (lower ids): a recruit's refund then touches a partner that a run locks
      // before the recruit's own, the order in which the two can deadlock.
      const recruiters: Row[] = [];
      for (let index = 0; index < PARTNERS; index += 1) {
        const recruiter = index < RECRUITERS ? null : recruiters[index % RECRUITERS];
        const partner = await createPartner(
          app.strapi,
          recruiter ? { referredBy: recruiter.id } : {}
        );
        if (!recruiter) recruiters.push(partner);
        await enroll(app.strapi, partner, program);
        const { code } = await createLink(app.strapi, partner, program);
        for (const period of periods) {
          // Amounts whose commissions and refund shares round differently from order to order.
          const amount = 30_000 + orders.length * 1_013;
          const body = orderBody({ referralCode: code, amount, paidAt: `${period}-10T10:00:00Z` });
          await app
            .request()
            .post('/api/partners/orders')
            .set('Authorization', `Bearer ${apiToken()}`)
            .send(body)
            .expect(201);
          orders.push({
            externalId: body.data.externalId,
            earners: [partner.id, recruiter?.id ?? null],
            amount,
            refunds: [],
          });
        }
      }
      await app.strapi
        .plugin('partners')
        .service('commissions')
        .approveDue(new Date().toISOString());
    });

    // Each entry with its `payoutId` (from its payout line).
    const ledgerOf = (orderId: number): Promise<Row[]> => commissionsOf(app.strapi, { orderId });

    it('answers every request, applies every refund once, and keeps payouts equal to their entries', async () => {
      const refunds = planRefunds(orders);
      expect(refunds).toHaveLength(200);
      const refundRequest = (refund: Refund) => () =>
        app
          .request()
          .post(`/api/partners/orders/${refund.externalId}/refunds`)
          .set('Authorization', `Bearer ${apiToken()}`)
          .send({ data: { amount: refund.amount, refundId: refund.refundId } });
      const runRequest = (period: string) => () =>
        app
          .request()
          .post('/partners/payouts/run')
          .set('Authorization', `Bearer ${admin()}`)
          .send({ data: { period } } satisfies RunPayoutsRequest);
      // Fired at once, served in this order as connections free up: a run after every 20 refunds.
      const requests = shuffled(refunds).map(refundRequest);
      RUNS.forEach((month, index) => requests.splice(index * 21, 0, runRequest(periods[month])));
      const responses = await Promise.all(requests.map((send) => send()));
      const failures = responses
        .filter((response) => response.status !== 200)
        .map((response) => `${response.status} ${JSON.stringify(response.body?.error ?? {})}`);
      expect(failures).toEqual([]);

      const runs = responses.filter((response) => 'cutOff' in (response.body.data ?? {}));
      expect(runs).toHaveLength(RUNS.length);

      // Every refund applied exactly once, replays changing nothing.
      const expectedByPartner = new Map<number, number>();
      for (const seeded of orders) {
        const order = await app.strapi.db
          .query(uid('order'))
          .findOne({ where: { externalId: seeded.externalId } });
        const refunded = seeded.refunds.reduce((sum, refund) => sum + refund.amount, 0);
        expect(order.refundedAmount ?? 0).toBe(refunded);
        expect(((order.refunds ?? []) as Row[]).map((refund) => refund.id).sort()).toEqual(
          seeded.refunds.map((refund) => refund.refundId).sort()
        );

        const entries = await ledgerOf(order.id);
        seeded.earners.forEach((partnerId, index) => {
          if (partnerId === null) return;
          const level = index + 1;
          const worth = checkLevel(
            seeded,
            entries.filter((entry) => entry.level === level),
            applyBps(seeded.amount, level === 1 ? LEVEL_ONE_BPS : LEVEL_TWO_BPS)
          );
          expectedByPartner.set(partnerId, (expectedByPartner.get(partnerId) ?? 0) + worth);
        });
      }

      // The ledger's sum per partner is what the engine says its orders are worth.
      for (const [partnerId, expected] of expectedByPartner) {
        const entries: Row[] = await app.strapi.db
          .query(uid('commission'))
          .findMany({ where: { partnerId } });
        expect(entries.filter(counts).reduce((sum, entry) => sum + entry.amount, 0)).toBe(expected);
      }

      // Each payout adds up exactly the entries linked to it; an entry is in one payout at most.
      const payouts: Row[] = await app.strapi.db.query(uid('payout')).findMany();
      expect(payouts.length).toBeGreaterThan(0);
      const owned = await entriesOfPayouts(
        app.strapi,
        payouts.map((payout) => Number(payout.id))
      );
      const linked: number[] = [];
      for (const payout of payouts) {
        const entries = owned.get(Number(payout.id)) ?? [];
        expect(entries.reduce((sum, entry) => sum + entry.amount, 0)).toBe(payout.amount);
        expect(entries.filter((entry) => !counts(entry))).toEqual([]);
        linked.push(...entries.map((entry) => entry.id));
      }
      expect(new Set(linked).size).toBe(linked.length);

      // One payout per partner and period, and the runs answered exactly the payouts stored.
      const keys = payouts.map((payout) => `${payout.partnerId}:${payout.periodStart}`);
      expect(new Set(keys).size).toBe(keys.length);
      const created = runs.reduce((sum, run) => sum + (run.body.data.created as number), 0);
      expect(created).toBe(payouts.length);
    });
  }
);
