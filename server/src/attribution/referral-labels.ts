import type { Core } from '@strapi/strapi';
import type { ProgramRef } from '../../../plugin/contracts/portal';
import { uid } from '../../../plugin/model';
import { projectReferral, referralLabel, type ReferralPrivacy } from '../../../plugin/privacy';
import type { PortalPartner } from '../portal/is-partner';
import { privacyOf } from '../portal/scope';
import { rowsById, type RawRow } from '../platform/rows';
import { toShownReferral } from './referral-record';

/** A ledger entry's references, as its plain id columns hold them. */
export interface LabelledEntry {
  level: number;
  programId: number;
  referralId: number | null;
}

/** A program as a referral is shown in it: its ref and its privacy settings. */
export type ReferralProgram = ProgramRef & ReferralPrivacy;

export const REFERRAL_PROGRAM_FIELDS = [
  'slug',
  'name',
  'referralDetail',
  'showPurchaseHistory',
  'showDeclinedCharges',
];
const REFERRAL_FIELDS = [
  'documentId',
  'state',
  'source',
  'createdAt',
  'firstName',
  'lastName',
  'email',
];

/** Parses a program read with `REFERRAL_PROGRAM_FIELDS`. */
export const toReferralProgram = (row: RawRow): ReferralProgram => ({
  slug: String(row.slug),
  name: String(row.name),
  ...privacyOf(row),
});

/**
 * The programs and referred contacts a page of ledger entries names, one query each, and the
 * referred contact of each entry as the partner may see it, through the same projection as the
 * referral list. Level-2 entries name no one: a recruiter never sees its recruits' customers
 * (SPEC §8).
 */
export const loadEntryLabels = async (
  strapi: Core.Strapi,
  partner: PortalPartner,
  entries: readonly LabelledEntry[]
) => {
  const programs = await rowsById(
    strapi,
    uid('program'),
    entries.map((entry) => entry.programId),
    REFERRAL_PROGRAM_FIELDS,
    toReferralProgram
  );
  const referrals = await rowsById(
    strapi,
    uid('referral'),
    entries.filter((entry) => entry.level === 1).map((entry) => entry.referralId),
    REFERRAL_FIELDS,
    // Only what a label may show is selected: the rest of the record stays empty.
    toShownReferral
  );
  const programOf = (entry: LabelledEntry): ProgramRef | null => {
    const program = programs.get(entry.programId);
    return program ? { slug: program.slug, name: program.name } : null;
  };
  const labelOf = (entry: LabelledEntry): string | null => {
    const referral = entry.referralId === null ? undefined : referrals.get(entry.referralId);
    const program = programs.get(entry.programId);
    if (!referral || !program || entry.level !== 1) return null;
    return referralLabel(
      projectReferral({ referral, program, partnerDocumentId: partner.documentId })
    );
  };
  return { programOf, labelOf };
};
