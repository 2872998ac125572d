/** What a partner may see of the contacts it referred (SPEC §8): JSON, CSV and PDF alike. */
export { anonymousReferralId } from './anonymous-referral-id';
export {
  allowedReferralFields,
  BASE_REFERRAL_FIELDS,
  CONTACT_FIELDS_BY_DETAIL,
  type ContactField,
  type ReferralPrivacy,
} from './referral-fields';
export {
  firstNameLastInitial,
  projectContact,
  projectReferral,
  referralLabel,
  type ReferralOrderRecord,
  type ReferralRecord,
} from './project-referral';
export { referralCsvColumns, referralCsvRow } from './referral-csv';
