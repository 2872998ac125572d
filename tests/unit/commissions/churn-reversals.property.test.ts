import fc from 'fast-check';
import {
  applyReconcileActions,
  clawbackKey,
  orderCommissionKey,
  planChurnReversals,
  refundReversalKey,
  type ChurnLedgerEntry,
} from '../../../plugin/commissions';
import { COMMISSION_STATUSES, type CommissionStatus } from '../../../plugin/model';

/**
 * `reverseOnChurn` (SPEC §5.7) against random ledgers of one customer: orders with level-1 and
 * level-2 entries in any state, refund adjustments and clawbacks, any churn moment.
 */

const DAY = 86_400_000;
const BASE = Date.parse('2026-01-01T00:00:00.000Z');
const at = (day: number) => new Date(BASE + day * DAY).toISOString();

interface OrderLedger {
  levelOne: { state: CommissionStatus; availableDay: number };
  levelTwo: { state: CommissionStatus } | null;
  adjustments: CommissionStatus[];
  clawback: boolean;
}

const stateArb = fc.constantFrom(...COMMISSION_STATUSES);
const orderArb: fc.Arbitrary<OrderLedger> = fc.record({
  levelOne: fc.record({ state: stateArb, availableDay: fc.integer({ min: 0, max: 120 }) }),
  levelTwo: fc.option(fc.record({ state: stateArb }), { nil: null }),
  adjustments: fc.array(stateArb, { maxLength: 2 }),
  clawback: fc.boolean(),
});

const entry = (
  orderId: number,
  key: string,
  level: 1 | 2,
  kind: ChurnLedgerEntry['kind'],
  state: CommissionStatus,
  availableDay: number
): ChurnLedgerEntry => ({
  idempotencyKey: key,
  orderId,
  partnerId: level,
  programId: 1,
  referralId: 1,
  level,
  kind,
  amount: kind === 'sale' || kind === 'recurring' ? 1000 : -100,
  currency: 'USD',
  state,
  availableAt: at(availableDay),
});

const ledgerOf = (orders: OrderLedger[]): ChurnLedgerEntry[] =>
  orders.flatMap((order, index) => {
    const orderId = index + 1;
    const { levelOne, levelTwo } = order;
    const kind = index === 0 ? 'sale' : 'recurring';
    const entries: ChurnLedgerEntry[] = [];
    const add = (level: 1 | 2, state: CommissionStatus) => {
      const key = orderCommissionKey(orderId, level);
      entries.push(entry(orderId, key, level, kind, state, levelOne.availableDay));
      order.adjustments.forEach((adjustment, at) =>
        entries.push(
          entry(
            orderId,
            refundReversalKey(key, (at + 1) * 100),
            level,
            'adjustment',
            adjustment,
            levelOne.availableDay
          )
        )
      );
      if (order.clawback) {
        entries.push(entry(orderId, clawbackKey(key), level, 'clawback', 'approved', 200));
      }
    };
    add(1, levelOne.state);
    if (levelTwo) add(2, levelTwo.state);
    return entries;
  });

const scenarioArb = fc.record({
  orders: fc.array(orderArb, { minLength: 1, maxLength: 4 }),
  churnDay: fc.integer({ min: 0, max: 120 }),
  reverseOnChurn: fc.boolean(),
  trigger: fc.constantFrom('sale' as const, 'signup' as const, 'qualified-customer' as const),
});

interface Scenario {
  churnDay: number;
  reverseOnChurn: boolean;
  trigger: 'sale' | 'signup' | 'qualified-customer';
}

const plan = (scenario: Scenario, entries: ChurnLedgerEntry[]) =>
  planChurnReversals({
    program: {
      trigger: scenario.trigger,
      reverseOnChurn: scenario.reverseOnChurn,
      timezone: 'UTC',
    },
    churnedAt: at(scenario.churnDay),
    entries,
  });

describe('planChurnReversals', () => {
  const undecided = (state: CommissionStatus) => state === 'pending' || state === 'on-hold';

  it('reverses exactly the undecided entries of orders whose level-1 commission was still held', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const entries = ledgerOf(scenario.orders);
        const actions = plan(scenario, entries);
        if (scenario.trigger !== 'sale' || !scenario.reverseOnChurn) {
          expect(actions).toEqual([]);
          return;
        }
        const byKey = new Map(entries.map((e) => [e.idempotencyKey, e]));
        const reversed = new Set(actions.map((action) => action.idempotencyKey));
        expect(reversed.size).toBe(actions.length);
        for (const action of actions) {
          const state = byKey.get(action.idempotencyKey)?.state as CommissionStatus;
          expect(undecided(state)).toBe(true);
          expect(action.from).toBe(state);
        }
        scenario.orders.forEach((order, index) => {
          const held =
            undecided(order.levelOne.state) && order.levelOne.availableDay > scenario.churnDay;
          for (const e of entries.filter((candidate) => candidate.orderId === index + 1)) {
            // Only undecided entries move; every one of a held order does, none of another.
            expect(reversed.has(e.idempotencyKey)).toBe(held && undecided(e.state));
          }
        });
      })
    );
  });

  it('takes nothing twice and never changes paid, approved or decided entries', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const entries = ledgerOf(scenario.orders);
        const after = applyReconcileActions(entries, plan(scenario, entries)) as ChurnLedgerEntry[];
        expect(plan(scenario, after)).toEqual([]);
        const before = new Map(entries.map((e) => [e.idempotencyKey, e.state]));
        for (const e of after) {
          const was = before.get(e.idempotencyKey);
          if (!undecided(was as CommissionStatus)) expect(e.state).toBe(was);
          else expect([was, 'reversed']).toContain(e.state);
        }
      })
    );
  });

  it('reverses an entry held for review, so releasing it later cannot pay a churned customer', () => {
    const entries = [
      entry(1, orderCommissionKey(1, 1), 1, 'sale', 'on-hold', 30),
      entry(1, orderCommissionKey(1, 2), 2, 'sale', 'on-hold', 30),
    ];
    const program = { trigger: 'sale' as const, reverseOnChurn: true, timezone: 'UTC' };
    expect(
      planChurnReversals({ program, churnedAt: at(3), entries }).map((action) => [
        action.idempotencyKey,
        action.from,
      ])
    ).toEqual([
      ['order:1:l1:sale', 'on-hold'],
      ['order:1:l2:sale', 'on-hold'],
    ]);
  });

  it('a churn on the day the hold ends keeps the commission, a day before reverses it', () => {
    const entries = [entry(1, orderCommissionKey(1, 1), 1, 'sale', 'pending', 30)];
    const program = { trigger: 'sale' as const, reverseOnChurn: true, timezone: 'UTC' };
    expect(planChurnReversals({ program, churnedAt: at(30), entries })).toEqual([]);
    expect(planChurnReversals({ program, churnedAt: at(29), entries })).toEqual([
      {
        type: 'reverse',
        idempotencyKey: 'order:1:l1:sale',
        from: 'pending',
        note: "The customer churned on 2026-01-30, before the commission's hold ended",
      },
    ]);
  });
});
