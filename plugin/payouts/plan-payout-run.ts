import type { EntityId } from '../commissions/types';
import { sumMoney } from '../money';
import { toEpochMs } from '../time';
import { entryDueAt, type DueEntryFacts } from './entry-due-at';
import { payoutKey } from './idempotency-keys';
import { payoutPeriod } from './payout-period';

/** An `approved` ledger entry not yet in any payout, with its program's payout rules. */
export interface PayableEntry extends DueEntryFacts {
  id: EntityId;
  partnerId: EntityId;
  currency: string;
  /** The program's `payoutMinimum` in the entry's currency; null for an entry without a program. */
  payoutMinimum: number | null;
}

/** A payout the run creates: it owns exactly `entryIds`, and `amount` is their sum. */
export interface PayoutDraft {
  idempotencyKey: string;
  partnerId: EntityId;
  currency: string;
  amount: number;
  period: string;
  periodStart: string;
  periodEnd: string;
  /** The minimum it was held to (the highest of its entries' programs). */
  minimum: number;
  entryIds: EntityId[];
}

export type CarryOverReason = 'below-minimum' | 'not-positive';

/** A balance left for a later run: its entries stay `approved` and unassigned. */
export interface CarriedBalance {
  partnerId: EntityId;
  currency: string;
  amount: number;
  minimum: number;
  reason: CarryOverReason;
}

export interface PayoutRunPlan {
  period: string;
  /** Entries due before this instant count (the first instant after the period). */
  cutOff: string;
  payouts: PayoutDraft[];
  carriedOver: CarriedBalance[];
}

const compareIds = (a: EntityId, b: EntityId) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));

/**
 * The payout run of a period (SPEC §10), per partner and currency:
 *
 * 1. An entry counts when it is due before the cut-off, the first instant after the period
 *    (`entryDueAt`: `availableAt + payoutTermDays`; negative entries are due when available).
 * 2. The net of the counted entries, clawbacks and adjustments included, is compared with the
 *    **highest** `payoutMinimum` among their programs: a partner earning in several programs is
 *    paid once every program's threshold is met, so no program pays below what it set.
 * 3. Net at or above that minimum (and above zero) → a payout draft owning those entries. Below it
 *    → carried over: nothing is written, the entries stay approved and count again next month.
 *    Zero or negative → carried over too: a clawback larger than what is owed waits for earnings.
 *
 * Deterministic: the same entries give the same drafts, in partner then currency order, with one
 * idempotency key per partner, currency and period.
 */
export function planPayoutRun(period: string, entries: readonly PayableEntry[]): PayoutRunPlan {
  const bounds = payoutPeriod(period);
  const cutOff = toEpochMs(bounds.endsAt);
  const groups = new Map<string, PayableEntry[]>();
  for (const entry of entries) {
    const dueAt = entryDueAt(entry);
    if (dueAt !== null && dueAt >= cutOff) continue;
    const key = `${entry.partnerId}\u0000${entry.currency}`;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }

  const plan: PayoutRunPlan = { period, cutOff: bounds.endsAt, payouts: [], carriedOver: [] };
  const ordered = [...groups.values()].sort(
    (a, b) =>
      compareIds(a[0].partnerId, b[0].partnerId) || a[0].currency.localeCompare(b[0].currency)
  );
  for (const group of ordered) {
    const { partnerId, currency } = group[0];
    const amount = sumMoney(group.map((entry) => entry.amount));
    const minimum = Math.max(0, ...group.map((entry) => entry.payoutMinimum ?? 0));
    if (amount <= 0 || amount < minimum) {
      const reason = amount <= 0 ? 'not-positive' : 'below-minimum';
      plan.carriedOver.push({ partnerId, currency, amount, minimum, reason });
      continue;
    }
    plan.payouts.push({
      idempotencyKey: payoutKey(partnerId, currency, period),
      partnerId,
      currency,
      amount,
      period,
      periodStart: bounds.firstDay,
      periodEnd: bounds.lastDay,
      minimum,
      entryIds: group.map((entry) => entry.id).sort(compareIds),
    });
  }
  return plan;
}
