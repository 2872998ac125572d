import type { ReferralDetail } from '../model';

/** The fields every partner sees of a referral it brought, whatever the program allows. */
export const BASE_REFERRAL_FIELDS = [
  'id',
  'status',
  'source',
  'program',
  'createdAt',
  'signedUpAt',
  'convertedAt',
] as const;

export type ContactField = 'name' | 'email' | 'externalId';

/** What each `referralDetail` level adds about the contact (SPEC §8), from least to most. */
export const CONTACT_FIELDS_BY_DETAIL: Record<ReferralDetail, readonly ContactField[]> = {
  none: [],
  'first-name-last-initial': ['name'],
  'full-name': ['name'],
  'full-name-email': ['name', 'email'],
  'contact-id': ['name', 'email', 'externalId'],
};

export interface ReferralPrivacy {
  referralDetail: ReferralDetail;
  showPurchaseHistory: boolean;
  showDeclinedCharges: boolean;
}

/** Every key a projected referral may carry under these settings, in display order. */
export function allowedReferralFields(privacy: ReferralPrivacy): string[] {
  return [
    ...BASE_REFERRAL_FIELDS,
    ...CONTACT_FIELDS_BY_DETAIL[privacy.referralDetail],
    ...(privacy.showPurchaseHistory ? ['purchases'] : []),
    ...(privacy.showDeclinedCharges ? ['declinedCharges'] : []),
  ];
}
