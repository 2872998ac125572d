import { projectReferral, referralLabel } from '../../../plugin/privacy';
import type { PortalPartner } from '../portal/is-partner';
import { iso, privacyOf } from '../portal/scope';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What commissions and statements populate to label their referred contact. */
export const REFERRAL_LABEL_POPULATE = {
  referral: {
    select: ['documentId', 'state', 'source', 'createdAt', 'firstName', 'lastName', 'email'],
  },
  program: {
    select: ['slug', 'name', 'referralDetail', 'showPurchaseHistory', 'showDeclinedCharges'],
  },
} as const;

/**
 * The referred contact of a ledger entry as the partner may see it, through the same projection
 * as the referral list. Level-2 entries name no one: a recruiter never sees its recruits'
 * customers (SPEC §8).
 */
export const entryReferralLabel = (partner: PortalPartner, entry: Row): string | null => {
  if (!entry.referral || !entry.program || Number(entry.level) !== 1) return null;
  const projected = projectReferral({
    referral: {
      documentId: entry.referral.documentId,
      state: entry.referral.state,
      source: entry.referral.source,
      createdAt: iso(entry.referral.createdAt) ?? new Date(0).toISOString(),
      signedUpAt: null,
      convertedAt: null,
      email: entry.referral.email ?? null,
      firstName: entry.referral.firstName ?? null,
      lastName: entry.referral.lastName ?? null,
      externalId: null,
    },
    program: { slug: entry.program.slug, name: entry.program.name, ...privacyOf(entry.program) },
    partnerDocumentId: partner.documentId,
  });
  return referralLabel(projected);
};
