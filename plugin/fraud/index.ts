export { applyFraudSignals, REJECTED_BY_REVIEW } from './apply-fraud-signals';
export { detectFraudSignals, type FraudFacts } from './detect-fraud-signals';
export { flagClickVelocity, VELOCITY_WINDOW_MS, type VelocityClick } from './flag-click-velocity';
export { isDisposableEmail } from './is-disposable-email';
export { paidTrafficSource } from './paid-traffic-source';
export { selfReferralMatch, type SelfReferralParties } from './self-referral-match';
