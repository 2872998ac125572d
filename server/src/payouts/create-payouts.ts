import type { Core } from '@strapi/strapi';
import type { PayoutMethod } from '../../../plugin/contracts/payouts';
import { planPayoutRun, snapshotPayoutMethod } from '../../../plugin/payouts';
import {
  MONEY_TRANSACTION_ATTEMPTS,
  backoffMs,
  isUniqueViolation,
  moneyTransaction,
} from '../platform/database';
import { PayoutConflict, type PayableScope, type PayoutLedger } from './payout-ledger';

/** A payout the run created, as stored (the event payload is built from it). */
export interface CreatedPayout {
  id: number;
  documentId: string;
  partnerId: number;
  /** How many entries it owns (its payout lines). */
  entries: number;
  currency: string;
  amount: number;
  periodStart: string;
  periodEnd: string;
  state: 'pending';
  method: PayoutMethod | null;
  idempotencyKey: string;
}

/**
 * Writes the payouts of a batch of partners in one transaction:
 *
 * 1. locks the partners' rows: runs (of this period or another, on any node) take turns per
 *    partner, so an entry is claimed by one payout only;
 * 2. reads their payable balances, netted per partner and currency by the database, and plans
 *    with `planPayoutRun`;
 * 3. skips drafts whose payout already exists (this period was paid out, or the payout failed
 *    and its entries wait for the next period), inserts the others and gives them their entries
 *    (one INSERT … SELECT of payout lines).
 *
 * The unique `idempotencyKey` refuses whatever gets past that.
 */
const createBatch = async (
  strapi: Core.Strapi,
  ledger: PayoutLedger,
  period: string,
  scope: PayableScope,
  partnerIds: readonly number[]
) => {
  // First in the transaction: no read may come before the locks (MySQL's snapshot).
  const methodsOf = await ledger.lockPartners(partnerIds);
  const plan = planPayoutRun(period, await ledger.payableBalances(scope, partnerIds));
  const carriedOver = plan.carriedOver.length;
  if (plan.payouts.length === 0) return { created: [], carriedOver };

  const taken = await ledger.existingKeys(plan.payouts.map((draft) => draft.idempotencyKey));
  const fresh = plan.payouts.filter((draft) => !taken.has(draft.idempotencyKey));
  if (fresh.length === 0) return { created: [], carriedOver };

  const rows = fresh.map((draft) => ({
    partnerId: draft.partnerId as number,
    currency: draft.currency,
    amount: draft.amount,
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    state: 'pending' as const,
    method: snapshotPayoutMethod(methodsOf.get(draft.partnerId as number)),
    idempotencyKey: draft.idempotencyKey,
  }));
  await ledger.insertPayouts(rows);
  const stored = await ledger.payoutsByKey(fresh.map((draft) => draft.idempotencyKey));
  const created = fresh.map((draft, index): CreatedPayout => {
    const { id, documentId } = stored.get(draft.idempotencyKey) as {
      id: number;
      documentId: string;
    };
    return {
      ...rows[index],
      id,
      documentId,
      entries: draft.entries,
    };
  });
  await ledger.assign(scope, created);
  return { created, carriedOver };
};

/**
 * `createBatch` in a transaction, again when the database broke a deadlock, a concurrent run
 * inserted one of the payouts first, or the ledger changed under the plan (the retry plans
 * afresh).
 */
const createBatchWithRetry = async (...args: Parameters<typeof createBatch>) => {
  const [strapi] = args;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await moneyTransaction(strapi, () => createBatch(...args));
    } catch (error) {
      const conflict = isUniqueViolation(error) || error instanceof PayoutConflict;
      if (attempt >= MONEY_TRANSACTION_ATTEMPTS || !conflict) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
};

/** Partners planned and written per transaction. */
const PARTNERS_PER_BATCH = 500;
/**
 * Batches written at once, each in its own transaction on its own connection. Batches hold
 * disjoint partners, so they never wait on each other's locks; SQLite runs them one by one.
 */
const CONCURRENT_BATCHES = 4;

/**
 * The run of a period over some partners (ascending ids), a batch at a time. Returns the
 * payouts it created, in partner order, and how many balances it carried over.
 */
export const createPayouts = async (
  strapi: Core.Strapi,
  ledger: PayoutLedger,
  period: string,
  scope: PayableScope,
  partnerIds: readonly number[]
) => {
  const batches: number[][] = [];
  for (let index = 0; index < partnerIds.length; index += PARTNERS_PER_BATCH) {
    batches.push(partnerIds.slice(index, index + PARTNERS_PER_BATCH));
  }
  const created: CreatedPayout[] = [];
  let carriedOver = 0;
  const work = async (batch: number[]) => {
    const result = await createBatchWithRetry(strapi, ledger, period, scope, batch);
    created.push(...result.created);
    carriedOver += result.carriedOver;
  };
  const queue = [...batches];
  // The first batch alone: PostgreSQL plans "in no payout yet" by the size the payout lines
  // have when a statement starts, and would read a line table empty then in full for every
  // entry while the other batches fill it.
  const first = queue.shift();
  if (first) await work(first);
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENT_BATCHES, queue.length) }, async () => {
      for (let batch = queue.shift(); batch; batch = queue.shift()) await work(batch);
    })
  );
  created.sort((a, b) => a.partnerId - b.partnerId || a.currency.localeCompare(b.currency));
  return { created, carriedOver };
};
