/** The commission engine (SPEC §5): pure functions from rules and facts to ledger drafts. */
export { calculateSaleCommissions } from './calculate-sale-commissions';
export { calculateSignupCommissions } from './calculate-signup-commissions';
export { calculateQualifiedCustomerCommissions } from './calculate-qualified-customer-commissions';
export {
  isReferralQualified,
  type Qualification,
  type QualificationFacts,
} from './is-referral-qualified';
export {
  reconcileOrderCommissions,
  type ReconcileAction,
  type ReconcileOrderInput,
} from './reconcile-order-commissions';
export { applyReconcileActions } from './apply-reconcile-actions';
export { checkSaleEligibility, type SaleEligibility } from './check-sale-eligibility';
export { selectTier, type TierSelection } from './select-tier';
export { resolveRate, RATE_SOURCES, type RateSource, type ResolvedRate } from './resolve-rate';
export { isSelfReferral } from './is-self-referral';
export {
  clawbackKey,
  isDerivedKey,
  orderCommissionKey,
  referralCommissionKey,
  refundReversalKey,
} from './idempotency-keys';
export {
  INELIGIBLE_CODES,
  ineligibleCode,
  ineligibleReason,
  type IneligibleCode,
} from './ineligible';
export { describeRate, formatBps } from './explanation-text';
export type * from './types';
export { parseEngineProgram, type ParsedEngineProgram } from './parse-engine-program';
export { previewProgram } from './preview-program';
export {
  DECIDABLE,
  planCommissionReview,
  type ReviewDecision,
  type ReviewEntry,
  type ReviewPlan,
} from './plan-commission-review';
export {
  planChurnReversals,
  type ChurnLedgerEntry,
  type ChurnReversalInput,
} from './plan-churn-reversals';
export { calculateBountyAmount, type BountyAmount } from './calculate-bounty-amount';
export type { QualifyingOrder } from './is-referral-qualified';
