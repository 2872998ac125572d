export { applyFraudSignals, REJECTED_BY_REVIEW } from './apply-fraud-signals';
export { detectFraudSignals, type FraudFacts } from './detect-fraud-signals';
export { flagClickVelocity, VELOCITY_WINDOW_MS, type VelocityClick } from './flag-click-velocity';
export { isDisposableEmail } from './is-disposable-email';
export { paidTrafficSource } from './paid-traffic-source';
export { selfReferralMatch, type SelfReferralParties } from './self-referral-match';
export {
  MAX_PORTAL_SIGHTINGS,
  notePortalSighting,
  parsePortalSightings,
  sightingMatch,
  SIGHTING_REFRESH_MS,
  type PortalSighting,
} from './portal-sightings';
