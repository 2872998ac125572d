import type { EntityId } from '../commissions/types';
import { payoutKey } from './idempotency-keys';
import { payoutPeriod } from './payout-period';

/**
 * What a partner is owed in one currency this period: the `approved` entries that are in no
 * payout yet and are due before the cut-off (`dueIfStartedBefore`), netted. The database adds
 * them up (the server's payout ledger groups by partner and currency).
 */
export interface PayableBalance {
  partnerId: EntityId;
  currency: string;
  /** The net of the entries, clawbacks and adjustments included (signed minor units). */
  amount: number;
  /**
   * The **highest** `payoutMinimum` among the entries' programs (0 when none sets one): a
   * partner earning in several programs is paid once every program's threshold is met.
   */
  minimum: number;
  /** How many entries the balance nets: the payout made of it owns exactly these. */
  entries: number;
}

/** A payout the run creates: it owns the balance's entries, and `amount` is their sum. */
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
  /** How many entries it owns. */
  entries: number;
}

export type CarryOverReason = 'below-minimum' | 'not-positive';

/** A balance left for a later run: its entries stay `approved` and in no payout. */
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
 * The payout run of a period (SPEC §10), per partner and currency balance: at or above its
 * minimum (and above zero) → a payout draft owning the balance's entries. Below it → carried
 * over: nothing is written, the entries stay approved and count again next month. Zero or
 * negative → carried over too: a clawback larger than what is owed waits for earnings.
 *
 * Deterministic: the same balances give the same drafts, in partner then currency order, with
 * one idempotency key per partner, currency and period.
 */
export function planPayoutRun(period: string, balances: readonly PayableBalance[]): PayoutRunPlan {
  const bounds = payoutPeriod(period);
  const plan: PayoutRunPlan = { period, cutOff: bounds.endsAt, payouts: [], carriedOver: [] };
  const ordered = [...balances].sort(
    (a, b) => compareIds(a.partnerId, b.partnerId) || a.currency.localeCompare(b.currency)
  );
  for (const { partnerId, currency, amount, minimum, entries } of ordered) {
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
      entries,
    });
  }
  return plan;
}
