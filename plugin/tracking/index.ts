/** Click tracking rules (SPEC §6): pure functions the redirect, the tracker endpoints and tests share. */
export { buildRedirectUrl, type RedirectInput, type RedirectTarget } from './build-redirect-url';
export { isBotUserAgent } from './is-bot-user-agent';
export { isUniqueClick, UNIQUE_CLICK_WINDOW_HOURS } from './is-unique-click';
export { isVisitorId, VISITOR_ID_PATTERN } from './is-visitor-id';
export { parseReferralCookie, REFERRAL_COOKIE, type ReferralCookie } from './parse-referral-cookie';
export { buildDeepLink } from './build-deep-link';
export { isWebAddress, safeHref } from './is-web-address';
export {
  normaliseReferralCode,
  REFERRAL_CODE_PATTERN,
  unknownCodeReason,
  type OrderCodes,
} from './referral-code';
export { codeCandidate, codeFromName, nextFreeCode } from './code-from-name';
export { checkLinkPath } from './link-path';
export {
  checkPartnerAddsLink,
  checkPartnerEditsLink,
  type LinkRefusal,
  type PartnerLinkRules,
} from './partner-link-rules';
