import { formatMoney } from '../currency';
import type { CommissionStatus } from '../model';
import { prorate, sumMoney } from '../money';
import { toIsoString, type Instant } from '../time';
import { capitalise, describeOrder } from './explanation-text';
import {
  clawbackKey,
  isDerivedKey,
  orderCommissionKey,
  refundReversalKey,
} from './idempotency-keys';
import type { CommissionDraft, LedgerEntry, ReconcilerOrder } from './types';

export interface ReconcileOrderInput {
  order: ReconcilerOrder;
  /**
   * What `calculateSaleCommissions` pays for the order (empty when it is ineligible or unpaid).
   * Drafts whose key is missing from `entries` are created while the order still earns; an
   * existing entry always wins, so a re-evaluation with other facts changes nothing.
   */
  drafts?: readonly CommissionDraft[];
  /** The ledger entries already stored for the order, with their current states. */
  entries: readonly LedgerEntry[];
  /** When this runs: `availableAt` of clawbacks, which are netted from the next payout. */
  asOf: Instant;
}

export type ReconcileAction =
  | { type: 'create'; draft: CommissionDraft }
  | {
      type: 'reverse';
      idempotencyKey: string;
      from: Extract<CommissionStatus, 'pending' | 'approved' | 'on-hold'>;
      note: string;
    };

type Effect =
  { kind: 'inert' } | { kind: 'earn'; refundedAmount: number } | { kind: 'void'; note: string };

const UNPAID = new Set<CommissionStatus>(['pending', 'on-hold', 'approved']);
const counts = (entry: LedgerEntry) => entry.state !== 'reversed' && entry.state !== 'rejected';

/** What the order's state means for its commissions. */
function orderEffect(order: ReconcilerOrder): Effect {
  const refundedAmount = Math.min(Math.max(order.refundedAmount, 0), order.amount);
  switch (order.state) {
    // Never paid: nothing to create, and nothing to take back from a state that may be stale.
    case 'pending':
    case 'failed':
      return { kind: 'inert' };
    case 'refunded':
      return { kind: 'void', note: 'order refunded in full' };
    case 'disputed':
      if (order.dispute !== 'open' && order.dispute !== 'won') {
        return { kind: 'void', note: 'dispute lost' };
      }
      break;
    default:
      break;
  }
  if (refundedAmount > 0 && refundedAmount >= order.amount) {
    return { kind: 'void', note: 'order refunded in full' };
  }
  return { kind: 'earn', refundedAmount };
}

/**
 * SPEC §5.6–5.7 as a convergent function: from the order's current state and the entries that
 * exist, the actions that bring the ledger to what that state is worth, and nothing else.
 *
 * - Each original (levels 1 and 2) is worth `original − round(original × refunded / amount)`
 *   while the order earns, and 0 after a full refund or a lost dispute (or when the entry a
 *   level-2 original follows was reversed or rejected).
 * - Void (full refund, lost dispute, void source): pending/approved originals become `reversed`
 *   (with their unpaid adjustments); a paid original gets one negative `clawback` of what is left.
 * - Partial refund: one negative entry for the difference, keyed by the cumulative refunded
 *   amount: an `adjustment` that shares the original's state and hold while unpaid, a
 *   `clawback` once the original was paid.
 * - The ledger only ever moves down towards the target: a stale state (a smaller refund or an
 *   unpaid state arriving late) asks for nothing. So running it again adds nothing, and any
 *   interleaving of duplicated or reordered events ends at the same totals.
 */
export function reconcileOrderCommissions(input: ReconcileOrderInput): ReconcileAction[] {
  const { order } = input;
  const asOf = toIsoString(input.asOf);
  const effect = orderEffect(input.order);
  const actions: ReconcileAction[] = [];
  const ledger = new Map(input.entries.map((entry) => [entry.idempotencyKey, entry]));

  if (effect.kind === 'inert') return actions;
  if (effect.kind === 'earn') {
    for (const draft of input.drafts ?? []) {
      if (ledger.has(draft.idempotencyKey)) continue;
      actions.push({ type: 'create', draft });
      ledger.set(draft.idempotencyKey, { ...draft });
    }
  }

  const levelOneKey = orderCommissionKey(order.id, 1);
  for (const level of [1, 2] as const) {
    const original = ledger.get(orderCommissionKey(order.id, level));
    if (!original) continue;
    const source = level === 2 ? ledger.get(levelOneKey) : undefined;
    const derived = [...ledger.values()].filter((entry) =>
      isDerivedKey(entry.idempotencyKey, original.idempotencyKey)
    );
    const net = sumMoney([original, ...derived].filter(counts).map((entry) => entry.amount));
    let plan: ReconcileAction[];
    if (!counts(original)) {
      // Reversed or rejected (also by an editor, for fraud): its unpaid adjustments go with it.
      plan = derived
        .filter((entry) => UNPAID.has(entry.state))
        .map((entry) => reverseAction(entry, `the commission it adjusts was ${original.state}`));
    } else if (effect.kind === 'void') {
      plan = reverseInFull(order, original, derived, net, effect.note, asOf);
    } else if (source !== undefined && !counts(source)) {
      const note = `the recruited partner's commission was ${source.state}`;
      plan = reverseInFull(order, original, derived, net, note, asOf);
    } else {
      // A partial refund whose share rounds to the whole commission is still an adjustment:
      // the original keeps counting, so the level-2 entry that follows it is not dragged along.
      plan = reversePartly(order, original, net, effect.refundedAmount, asOf);
    }
    for (const action of plan) {
      if (action.type === 'create') {
        if (ledger.has(action.draft.idempotencyKey)) continue;
        ledger.set(action.draft.idempotencyKey, { ...action.draft });
      } else {
        const entry = ledger.get(action.idempotencyKey);
        if (entry) ledger.set(action.idempotencyKey, { ...entry, state: 'reversed' });
      }
      actions.push(action);
    }
  }
  return actions;
}

/** Worth 0: reverse what is unpaid, claw back what was paid and is not yet taken back. */
function reverseInFull(
  order: ReconcilerOrder,
  original: LedgerEntry,
  derived: LedgerEntry[],
  net: number,
  note: string,
  asOf: string
): ReconcileAction[] {
  if (UNPAID.has(original.state)) {
    // The adjustments of an unpaid original go with it; paid ones (rare) stay as history.
    return [original, ...derived]
      .filter((entry) => UNPAID.has(entry.state))
      .map((entry) => reverseAction(entry, note));
  }
  if (net <= 0) return [];
  const money = (amount: number) => formatMoney(amount, original.currency);
  return [
    {
      type: 'create',
      draft: negativeDraft(order, original, {
        idempotencyKey: clawbackKey(original.idempotencyKey),
        kind: 'clawback',
        amount: -net,
        state: 'approved',
        availableAt: asOf,
        explanation: {
          summary: `${money(-net)} clawback for ${describeOrder(order)} (${note})`,
          steps: [
            `${capitalise(describeOrder(order))}: ${note}`,
            `The ${money(original.amount)} commission was already paid out; ${money(net)} of it is still owed back`,
            `${money(-net)} is deducted from your next payout`,
          ],
        },
      }),
    },
  ];
}

/** Worth its share of what was not refunded: one negative entry for the difference, if any. */
function reversePartly(
  order: ReconcilerOrder,
  original: LedgerEntry,
  net: number,
  refundedAmount: number,
  asOf: string
): ReconcileAction[] {
  const share = order.amount > 0 ? prorate(original.amount, refundedAmount, order.amount) : 0;
  const reversal = net - (original.amount - share);
  // Never upwards: a stale state (a smaller refund arriving late) asks for nothing.
  if (reversal <= 0) return [];
  const money = (amount: number) => formatMoney(amount, original.currency);
  const note = `${formatMoney(refundedAmount, order.currency)} of ${formatMoney(order.amount, order.currency)} refunded`;
  const paid = original.state === 'paid';
  return [
    {
      type: 'create',
      draft: negativeDraft(order, original, {
        idempotencyKey: refundReversalKey(original.idempotencyKey, refundedAmount),
        kind: paid ? 'clawback' : 'adjustment',
        amount: -reversal,
        // Unpaid: it waits and gets approved with its original; paid: netted from the next payout.
        state: paid ? 'approved' : (original.state as 'pending' | 'on-hold' | 'approved'),
        availableAt:
          paid || original.availableAt === null ? asOf : toIsoString(original.availableAt),
        explanation: {
          summary: `${money(-reversal)} refund ${paid ? 'clawback' : 'adjustment'} for ${describeOrder(order)} (${note})`,
          steps: [
            `${capitalise(describeOrder(order))}: ${note} so far`,
            `The ${money(original.amount)} commission is reduced in proportion: ${money(share)} in total`,
            `Already taken back: ${money(share - reversal)}; this entry: ${money(-reversal)}`,
            ...(paid
              ? ['The commission was already paid out, so this is deducted from your next payout']
              : []),
          ],
        },
      }),
    },
  ];
}

function negativeDraft(
  order: ReconcilerOrder,
  original: LedgerEntry,
  fields: Pick<
    CommissionDraft,
    'idempotencyKey' | 'kind' | 'amount' | 'state' | 'availableAt' | 'explanation'
  >
): CommissionDraft {
  return {
    ...fields,
    sourceKey: original.idempotencyKey,
    partnerId: original.partnerId,
    programId: original.programId,
    orderId: order.id,
    referralId: original.referralId ?? null,
    level: original.level,
    basisAmount: original.amount,
    rate: original.rate ?? { type: 'flat', amount: original.amount },
    currency: original.currency,
  };
}

function reverseAction(entry: LedgerEntry, note: string): ReconcileAction {
  return {
    type: 'reverse',
    idempotencyKey: entry.idempotencyKey,
    from: entry.state as 'pending' | 'on-hold' | 'approved',
    note: capitalise(note),
  };
}
