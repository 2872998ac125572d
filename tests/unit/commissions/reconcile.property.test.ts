import fc from 'fast-check';
import {
  applyReconcileActions,
  calculateSaleCommissions,
  reconcileOrderCommissions,
  type EngineOrderItem,
  type LedgerEntry,
} from '../../../plugin/commissions';
import type { Rate, SecondTier } from '../../../plugin/contracts/rules';
import {
  initialOrderPaymentState,
  mergeOrderEvent,
  orderStatusOf,
  type OrderEvent,
  type OrderPaymentState,
} from '../../../plugin/orders';
import { aParent, aProgram, aSale, anOrder, draftsOf } from './builders';
import { ASOF, moveAll, totalsByPartner } from './ledger';

/**
 * Random programs, random streams of paid / refunded / partially refunded / disputed events
 * (duplicated, reordered, interleaved with approvals and payouts), folded with `mergeOrderEvent`
 * and reconciled after each one. The ledger must match a BigInt model of SPEC §5 whatever the
 * order of arrival.
 */

type Step = OrderEvent | { type: 'approve' } | { type: 'payout' };

interface Scenario {
  currency: string;
  rate: Rate;
  secondTier: SecondTier | null;
  lines: number[];
  amount: number;
  steps: Step[];
}

const rateArb: fc.Arbitrary<Rate> = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map((bps) => ({ type: 'percentage' as const, bps })),
  fc.integer({ min: 0, max: 1_000_000 }).map((amount) => ({ type: 'flat' as const, amount }))
);

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    currency: fc.constantFrom('USD', 'JPY', 'KWD'),
    rate: rateArb,
    secondTier: fc.option(
      fc.record({
        commission: rateArb,
        basis: fc.constantFrom('sale' as const, 'commission' as const),
      }),
      { nil: null }
    ),
    lines: fc.array(fc.integer({ min: 1, max: 50_000_000_000 }), { minLength: 0, maxLength: 4 }),
    extra: fc.integer({ min: 0, max: 10_000_000 }),
  })
  .chain(({ lines, extra, ...rest }) => {
    const amount = lines.reduce((sum, line) => sum + line, 0) + extra || 1;
    const step: fc.Arbitrary<Step> = fc.oneof(
      {
        weight: 2,
        arbitrary: fc.constant({ type: 'paid' as const, paidAt: '2026-03-01T12:00:00.000Z' }),
      },
      {
        weight: 4,
        arbitrary: fc
          .oneof(fc.integer({ min: 0, max: amount }), fc.constant(amount), fc.constant(1))
          .map((refundedAmount) => ({
            type: 'refunded' as const,
            refundedAmount: Math.min(refundedAmount, amount),
          })),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom<Step>(
          { type: 'dispute-opened' },
          { type: 'dispute-won' },
          { type: 'dispute-lost' }
        ),
      },
      { weight: 1, arbitrary: fc.constantFrom<Step>({ type: 'failed' }) },
      { weight: 2, arbitrary: fc.constantFrom<Step>({ type: 'approve' }, { type: 'payout' }) }
    );
    return fc.record({
      currency: fc.constant(rest.currency),
      rate: fc.constant(rest.rate),
      secondTier: fc.constant(rest.secondTier),
      lines: fc.constant(lines),
      amount: fc.constant(amount),
      steps: fc.array(step, { minLength: 1, maxLength: 14 }),
    });
  });

function saleInput(scenario: Scenario, paidAt: string) {
  const items: EngineOrderItem[] | null =
    scenario.lines.length > 0
      ? scenario.lines.map((amount, index) => ({ product: `p${index}`, amount, quantity: 1 }))
      : null;
  return aSale({
    program: aProgram({
      currency: scenario.currency,
      commission: scenario.rate,
      tierMode: scenario.secondTier ? 'two-tier' : 'one-tier',
      secondTier: scenario.secondTier,
    }),
    parent: aParent(),
    order: anOrder({ amount: scenario.amount, currency: scenario.currency, items, paidAt }),
  });
}

type ReconcileInput = Omit<Parameters<typeof reconcileOrderCommissions>[0], 'entries'>;

/** Runs the steps through merge + engine + reconciler, checking the invariants on the way. */
function run(scenario: Scenario, steps: Step[], history: ReconcileInput[] = []): LedgerEntry[] {
  let state: OrderPaymentState = initialOrderPaymentState(scenario.amount);
  let ledger: LedgerEntry[] = [];
  for (const step of steps) {
    if (step.type === 'approve') {
      ledger = moveAll(ledger, 'pending', 'approved');
      continue;
    }
    if (step.type === 'payout') {
      ledger = moveAll(ledger, 'approved', 'paid');
      continue;
    }
    state = mergeOrderEvent(state, step);
    const order = {
      id: 'order-1',
      amount: scenario.amount,
      currency: scenario.currency,
      state: orderStatusOf(state),
      refundedAmount: state.refundedAmount,
      dispute: state.dispute === 'none' ? null : state.dispute,
    };
    const drafts = state.paidAt
      ? draftsOf(calculateSaleCommissions(saleInput(scenario, state.paidAt)))
      : [];
    const input = { order, drafts, asOf: ASOF };
    history.push(input);
    ledger = applyReconcileActions(
      ledger,
      reconcileOrderCommissions({ ...input, entries: ledger })
    );
    // Idempotent: a second run (a replayed event, another node) asks for nothing.
    expect(reconcileOrderCommissions({ ...input, entries: ledger })).toEqual([]);
    checkReversalsNeverExceedOriginals(ledger);
  }
  return ledger;
}

function checkReversalsNeverExceedOriginals(ledger: LedgerEntry[]) {
  const counted = ledger.filter(
    (entry) => entry.state !== 'reversed' && entry.state !== 'rejected'
  );
  for (const original of ledger.filter((entry) => /:l[12]:sale$/.test(entry.idempotencyKey))) {
    const reversed = counted
      .filter((entry) => entry.idempotencyKey.startsWith(`${original.idempotencyKey}:`))
      .reduce((sum, entry) => sum + entry.amount, 0);
    expect(reversed).toBeLessThanOrEqual(0);
    expect(-reversed).toBeLessThanOrEqual(original.amount);
  }
}

/** The model: SPEC §5.3/§5.5/§5.6 written out in BigInt, from the events alone. */
function expectedTotals(scenario: Scenario, steps: Step[]): Record<string, bigint> {
  const round = (numerator: bigint, denominator: bigint) => {
    const negative = numerator < 0n;
    const magnitude = negative ? -numerator : numerator;
    const rounded = (2n * magnitude + denominator) / (2n * denominator);
    return negative ? -rounded : rounded;
  };
  const events = steps.filter(
    (step): step is OrderEvent => step.type !== 'approve' && step.type !== 'payout'
  );
  if (!events.some((event) => event.type === 'paid')) return {};
  const amount = BigInt(scenario.amount);
  const lines = scenario.lines.length > 0 ? scenario.lines.map(BigInt) : [amount];
  const basis = lines.reduce((sum, line) => sum + line, 0n);
  const levelOne =
    scenario.rate.type === 'percentage'
      ? lines.reduce(
          (sum, line) =>
            sum +
            round(
              line * BigInt(scenario.rate.type === 'percentage' ? scenario.rate.bps : 0),
              10_000n
            ),
          0n
        )
      : BigInt(scenario.rate.amount);
  let levelTwo = 0n;
  if (scenario.secondTier) {
    const { commission, basis: of } = scenario.secondTier;
    levelTwo =
      commission.type === 'flat'
        ? BigInt(commission.amount)
        : round((of === 'sale' ? basis : levelOne) * BigInt(commission.bps), 10_000n);
  }
  const refunded = events.reduce(
    (max, event) =>
      event.type === 'refunded' && BigInt(event.refundedAmount) > max
        ? BigInt(event.refundedAmount)
        : max,
    0n
  );
  const lost = events.some((event) => event.type === 'dispute-lost');
  const remaining = (original: bigint) =>
    lost ? 0n : original - round(original * refunded, amount);
  const totals: Record<string, bigint> = {};
  if (levelOne > 0n) totals['partner-1'] = remaining(levelOne);
  if (levelTwo > 0n) totals['recruiter-1'] = remaining(levelTwo);
  return totals;
}

/** Per partner, leaving out zeros: a partner whose entries were all reversed is owed nothing. */
const owed = (totals: Record<string, number | bigint>) =>
  Object.fromEntries(
    Object.entries(totals)
      .filter(([, total]) => BigInt(total) !== 0n)
      .map(([partner, total]) => [partner, BigInt(total)])
  );

describe('reconciler properties', () => {
  it('the ledger total per partner equals the BigInt model', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const ledger = run(scenario, scenario.steps);
        expect(owed(totalsByPartner(ledger))).toEqual(
          owed(expectedTotals(scenario, scenario.steps))
        );
      }),
      { numRuns: 400 }
    );
  });

  it('a stale view of the order (any earlier state, replayed late) moves nothing', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const history: ReconcileInput[] = [];
        const ledger = run(scenario, scenario.steps, history);
        for (const stale of history) {
          expect(reconcileOrderCommissions({ ...stale, entries: ledger })).toEqual([]);
        }
      }),
      { numRuns: 300 }
    );
  });

  it('the totals do not depend on the order or duplication of events', () => {
    const withShuffle = scenarioArb.chain((scenario) =>
      fc
        .tuple(
          fc.shuffledSubarray(scenario.steps, { minLength: scenario.steps.length }),
          fc.array(fc.constantFrom(...scenario.steps), { maxLength: 6 })
        )
        .map(([reordered, duplicates]) => ({ scenario, reordered: [...reordered, ...duplicates] }))
    );
    fc.assert(
      fc.property(withShuffle, ({ scenario, reordered }) => {
        const original = owed(totalsByPartner(run(scenario, scenario.steps)));
        const shuffled = owed(totalsByPartner(run(scenario, reordered)));
        expect(shuffled).toEqual(original);
      }),
      { numRuns: 400 }
    );
  });
});
