import { formatLocalDate, toEpochMs, type Instant } from '../time';
import { isDerivedKey, orderCommissionKey } from './idempotency-keys';
import type { ReconcileAction } from './reconcile-order-commissions';
import type { EngineProgram, EntityId, LedgerEntry } from './types';

/** A ledger entry of the churned customer, with the order it was earned on. */
export type ChurnLedgerEntry = LedgerEntry & { orderId: EntityId | null };

export interface ChurnReversalInput {
  program: Pick<EngineProgram, 'trigger' | 'timezone'> & { reverseOnChurn: boolean };
  /** When the customer churned (as the site or Stripe reported it). */
  churnedAt: Instant;
  /** Every entry earned on the customer in the program, at both levels. */
  entries: readonly ChurnLedgerEntry[];
}

type Reverse = Extract<ReconcileAction, { type: 'reverse' }>;

/** Entries nobody has decided yet: still in their hold, or held for review (fraud signals). */
const isUndecided = (entry: LedgerEntry): entry is LedgerEntry & { state: 'pending' | 'on-hold' } =>
  entry.state === 'pending' || entry.state === 'on-hold';

/**
 * A sale program with `reverseOnChurn`: a customer who churns while a commission on its orders is
 * still held loses that commission. Each level-1 `sale`/`recurring` entry still undecided
 * (`pending`, or `on-hold` for review) whose hold ends after the churn is reversed, with its
 * undecided refund adjustments and the recruiter's undecided level-2 entry of the same order (and
 * that entry's adjustments): a held entry released later would otherwise be paid for a customer
 * who left inside the hold. Approved and paid entries stay: the hold was over, or an editor
 * decided. Running it again reverses nothing more.
 */
export function planChurnReversals(input: ChurnReversalInput): Reverse[] {
  const { program, entries } = input;
  if (program.trigger !== 'sale' || !program.reverseOnChurn) return [];
  const churnedMs = toEpochMs(input.churnedAt);
  const day = formatLocalDate(input.churnedAt, program.timezone ?? 'UTC');
  const actions: Reverse[] = [];
  const reverse = (entry: LedgerEntry, note: string) => {
    if (!isUndecided(entry)) return;
    actions.push({
      type: 'reverse',
      idempotencyKey: entry.idempotencyKey,
      from: entry.state,
      note,
    });
  };
  const withDerived = (original: LedgerEntry, note: string) => {
    reverse(original, note);
    for (const entry of entries) {
      if (isDerivedKey(entry.idempotencyKey, original.idempotencyKey)) {
        reverse(entry, 'The commission it adjusts was reversed');
      }
    }
  };

  for (const original of entries) {
    if (original.orderId === null || original.level !== 1) continue;
    if (original.idempotencyKey !== orderCommissionKey(original.orderId, 1)) continue;
    if (!isUndecided(original) || original.availableAt === null) continue;
    if (toEpochMs(original.availableAt) <= churnedMs) continue;
    withDerived(original, `The customer churned on ${day}, before the commission's hold ended`);
    const recruiter = entries.find(
      (entry) => entry.idempotencyKey === orderCommissionKey(original.orderId as EntityId, 2)
    );
    if (recruiter) withDerived(recruiter, "The recruited partner's commission was reversed");
  }
  return actions;
}
