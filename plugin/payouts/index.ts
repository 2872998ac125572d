/** Payouts and statements (SPEC §10): pure rules the server's payout run and exports follow. */
export { payoutPeriod, type PayoutPeriod } from './payout-period';
export { previousPayoutPeriod } from './previous-payout-period';
export { payoutKey, transferKey } from './idempotency-keys';
export { dueIfStartedBefore, entryDueAt, type DueEntryFacts } from './entry-due-at';
export {
  planPayoutRun,
  type CarriedBalance,
  type CarryOverReason,
  type PayableBalance,
  type PayoutDraft,
  type PayoutRunPlan,
} from './plan-payout-run';
export {
  computeStatement,
  type Statement,
  type StatementEntryRow,
  type StatementLine,
  type StatementPayoutLine,
  type StatementPayoutRow,
} from './compute-statement';
export { escapeCsvCell } from './escape-csv-cell';
export { snapshotPayoutMethod } from './snapshot-payout-method';
export { isAbaRoutingNumber } from './is-aba-routing-number';
