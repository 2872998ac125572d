import {
  calculateSaleCommissions,
  reconcileOrderCommissions,
  type LedgerEntry,
  type ReconcilerOrder,
} from '../../../plugin/commissions';
import { aParent, aProgram, aSale, draftsOf } from './builders';
import { ASOF, byKey, moveAll, reconcile, totalsByPartner } from './ledger';

/** SPEC §5.6–5.7: refunds, disputes and clawbacks as a convergent reconciler. */

// $100.00 order, 20% to the partner, 5% of the sale to its recruiter.
const drafts = draftsOf(
  calculateSaleCommissions(
    aSale({
      program: aProgram({
        tierMode: 'two-tier',
        secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
      }),
      parent: aParent(),
    })
  )
);
const order = (state: Partial<ReconcilerOrder> = {}): ReconcilerOrder => ({
  id: 'order-1',
  externalId: 'ORD-1',
  amount: 10000,
  currency: 'USD',
  state: 'paid',
  refundedAmount: 0,
  ...state,
});
const refunded = (amount: number) =>
  order({ state: amount >= 10000 ? 'refunded' : 'partially-refunded', refundedAmount: amount });
const L1 = 'order:order-1:l1:sale';
const L2 = 'order:order-1:l2:sale';

function paidLedger(): LedgerEntry[] {
  return reconcile(order(), [], drafts);
}

describe('reconcileOrderCommissions', () => {
  it('creates the missing originals of a paid order, once', () => {
    const ledger = paidLedger();
    expect(byKey(ledger)).toEqual({
      [L1]: { amount: 2000, state: 'pending', kind: 'sale' },
      [L2]: { amount: 500, state: 'pending', kind: 'sale' },
    });
    expect(
      reconcileOrderCommissions({ order: order(), drafts, entries: ledger, asOf: ASOF })
    ).toEqual([]);
  });

  it.each([
    ['pending', order({ state: 'pending' })],
    ['failed', order({ state: 'failed' })],
    ['refunded before anything was recorded', refunded(10000)],
    [
      'lost to a dispute before anything was recorded',
      order({ state: 'disputed', dispute: 'lost' }),
    ],
  ])('creates nothing for an order %s', (_label, state) => {
    expect(reconcileOrderCommissions({ order: state, drafts, entries: [], asOf: ASOF })).toEqual(
      []
    );
  });

  it('keeps existing originals when a re-evaluation computes other amounts', () => {
    const ledger = paidLedger();
    const richer = drafts.map((draft) => ({ ...draft, amount: draft.amount * 2 }));
    expect(
      reconcileOrderCommissions({ order: order(), drafts: richer, entries: ledger, asOf: ASOF })
    ).toEqual([]);
  });

  it('reverses a partial refund proportionally with one adjustment per level', () => {
    const ledger = reconcile(refunded(2500), paidLedger());
    expect(byKey(ledger)).toMatchObject({
      [`${L1}:refund:2500`]: { amount: -500, state: 'pending', kind: 'adjustment' },
      [`${L2}:refund:2500`]: { amount: -125, state: 'pending', kind: 'adjustment' },
    });
    expect(totalsByPartner(ledger)).toEqual({ 'partner-1': 1500, 'recruiter-1': 375 });
    const adjustment = ledger.find((entry) => entry.idempotencyKey === `${L1}:refund:2500`);
    expect(adjustment).toMatchObject({
      availableAt: '2026-03-31T12:00:00.000Z', // waits with its original
      rate: { type: 'percentage', bps: 2000 },
      basisAmount: 2000,
    });
  });

  it('reverses cumulative refunds without ever passing the original', () => {
    // Thirds of $100.00: 20% commission $20.00 → reversals of 6.67, 13.33, 20.00 cumulative.
    let ledger = paidLedger();
    ledger = reconcile(refunded(3333), ledger);
    ledger = reconcile(refunded(6667), ledger);
    expect(totalsByPartner(ledger)['partner-1']).toBe(2000 - 1333);
    // 99.99% of $20.00 rounds to the whole commission: adjusted to zero, never below.
    ledger = reconcile(refunded(9999), ledger);
    expect(totalsByPartner(ledger)).toEqual({ 'partner-1': 0, 'recruiter-1': 0 });
    expect(byKey(ledger)[`${L1}:refund:9999`]).toEqual({
      amount: -667,
      state: 'pending',
      kind: 'adjustment',
    });
    // The last cent makes it a full refund: everything unpaid is reversed.
    ledger = reconcile(refunded(10000), ledger);
    expect(ledger.filter((entry) => entry.state !== 'reversed')).toEqual([]);
    expect(totalsByPartner(ledger)).toEqual({ 'partner-1': 0, 'recruiter-1': 0 });
  });

  it('ignores a stale, smaller refund arriving late', () => {
    const ledger = reconcile(refunded(5000), paidLedger());
    expect(
      reconcileOrderCommissions({ order: refunded(2000), drafts, entries: ledger, asOf: ASOF })
    ).toEqual([]);
    expect(
      reconcileOrderCommissions({ order: order(), drafts, entries: ledger, asOf: ASOF })
    ).toEqual([]);
  });

  it('reverses unpaid entries on a full refund', () => {
    const actions = reconcileOrderCommissions({
      order: refunded(10000),
      entries: moveAll(paidLedger(), 'pending', 'approved'),
      asOf: ASOF,
    });
    expect(actions).toEqual([
      { type: 'reverse', idempotencyKey: L1, from: 'approved', note: 'Order refunded in full' },
      { type: 'reverse', idempotencyKey: L2, from: 'approved', note: 'Order refunded in full' },
    ]);
  });

  it('claws back paid entries on a lost dispute, netted from the next payout', () => {
    const paid = moveAll(paidLedger(), 'pending', 'paid');
    const ledger = reconcile(order({ state: 'disputed', dispute: 'lost' }), paid);
    expect(byKey(ledger)).toMatchObject({
      [L1]: { amount: 2000, state: 'paid' },
      [`${L1}:clawback`]: { amount: -2000, state: 'approved', kind: 'clawback' },
      [`${L2}:clawback`]: { amount: -500, state: 'approved', kind: 'clawback' },
    });
    const clawback = ledger.find((entry) => entry.idempotencyKey === `${L1}:clawback`);
    expect(clawback).toMatchObject({ availableAt: ASOF, level: 1, partnerId: 'partner-1' });
    expect(totalsByPartner(ledger)).toEqual({ 'partner-1': 0, 'recruiter-1': 0 });
  });

  it('claws back only what is left after a partial refund of a paid entry', () => {
    let ledger = moveAll(paidLedger(), 'pending', 'paid');
    ledger = reconcile(refunded(5000), ledger);
    expect(byKey(ledger)[`${L1}:refund:5000`]).toEqual({
      amount: -1000,
      state: 'approved',
      kind: 'clawback',
    });
    ledger = moveAll(ledger, 'approved', 'paid');
    ledger = reconcile(refunded(10000), ledger);
    expect(byKey(ledger)[`${L1}:clawback`]).toEqual({
      amount: -1000,
      state: 'approved',
      kind: 'clawback',
    });
    expect(totalsByPartner(ledger)).toEqual({ 'partner-1': 0, 'recruiter-1': 0 });
  });

  it('keeps the level-2 entry when a partial refund rounds the level-1 entry to zero', () => {
    // ¥19 flat to the partner, ¥43,278 flat to the recruiter; 97.4% refunded rounds ¥18.5 up to ¥19.
    const yen = { id: 'order-1', amount: 40757307500, currency: 'JPY', refundedAmount: 0 };
    const ledger: LedgerEntry[] = [
      { ...drafts[0], currency: 'JPY', amount: 19 },
      { ...drafts[1], currency: 'JPY', amount: 43278 },
    ];
    const after = reconcile(
      { ...yen, state: 'partially-refunded', refundedAmount: 39684746777 },
      ledger
    );
    expect(totalsByPartner(after)).toEqual({ 'partner-1': 0, 'recruiter-1': 43278 - 42139 });
  });

  it('leaves open and won disputes alone', () => {
    const ledger = paidLedger();
    for (const dispute of ['open', 'won'] as const) {
      expect(
        reconcileOrderCommissions({
          order: order({ state: 'disputed', dispute }),
          entries: ledger,
          asOf: ASOF,
        })
      ).toEqual([]);
    }
  });

  it('makes the level-2 entry follow a level-1 entry an editor rejected', () => {
    const ledger = paidLedger().map((entry) =>
      entry.idempotencyKey === L1 ? { ...entry, state: 'rejected' as const } : entry
    );
    const actions = reconcileOrderCommissions({ order: order(), entries: ledger, asOf: ASOF });
    expect(actions).toEqual([
      {
        type: 'reverse',
        idempotencyKey: L2,
        from: 'pending',
        note: "The recruited partner's commission was rejected",
      },
    ]);
  });

  it('drops the unpaid adjustments of an original reversed for fraud', () => {
    let ledger = reconcile(refunded(5000), paidLedger());
    ledger = ledger.map((entry) =>
      entry.idempotencyKey === L1 ? { ...entry, state: 'reversed' as const } : entry
    );
    ledger = reconcile(refunded(5000), ledger);
    expect(byKey(ledger)[`${L1}:refund:5000`].state).toBe('reversed');
    expect(totalsByPartner(ledger)['partner-1']).toBe(0);
  });

  it('explains a refund adjustment', () => {
    const actions = reconcileOrderCommissions({
      order: refunded(2500),
      entries: reconcile(refunded(1000), paidLedger()),
      asOf: ASOF,
    });
    const created = actions.find((action) => action.type === 'create');
    expect(created?.type === 'create' && created.draft.explanation).toEqual({
      summary: '-$3.00 refund adjustment for order ORD-1 ($25.00 of $100.00 refunded)',
      steps: [
        'Order ORD-1: $25.00 of $100.00 refunded so far',
        'The $20.00 commission is reduced in proportion: $5.00 in total',
        'Already taken back: $2.00; this entry: -$3.00',
      ],
    });
  });
});
