import type { DeclinedCharge, PortalReferral, ProgramRef, Purchase } from '../contracts/portal';
import type { EventContact } from '../contracts/webhooks';
import type { ReferralDetail, ReferralSource, ReferralStatus } from '../model';
import { isPaidOrder } from '../orders/is-paid-order';
import { toIsoString, type Instant } from '../time';
import { anonymousReferralId } from './anonymous-referral-id';
import { CONTACT_FIELDS_BY_DETAIL, type ReferralPrivacy } from './referral-fields';

/** A referral row as the server reads it: everything, before projection. */
export interface ReferralRecord {
  documentId: string;
  state: ReferralStatus;
  source: ReferralSource;
  createdAt: Instant;
  signedUpAt: Instant | null;
  convertedAt: Instant | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  externalId: string | null;
}

/** One order of the referred customer (only read when the program shows purchases/declines). */
export interface ReferralOrderRecord {
  state: string;
  amount: number;
  currency: string;
  paidAt: Instant | null;
  createdAt: Instant;
  failureReason: string | null;
}

const DECLINED = new Set(['failed']);

const clean = (value: string | null | undefined) => value?.trim() || '';
const iso = (value: Instant | null) => (value === null ? null : toIsoString(value));
const day = (value: Instant) => toIsoString(value).slice(0, 10);

/** "Jane D.": the first name and the initial of the last; whichever part exists. */
export function firstNameLastInitial(firstName: string | null, lastName: string | null): string {
  const first = clean(firstName);
  const initial = [...clean(lastName)][0];
  return [first, initial ? `${initial.toUpperCase()}.` : ''].filter(Boolean).join(' ');
}

const fullName = (record: Pick<ReferralRecord, 'firstName' | 'lastName'>) =>
  [clean(record.firstName), clean(record.lastName)].filter(Boolean).join(' ');

/**
 * The contact of a referral as far as `referralDetail` allows: name, e-mail and contact id; a
 * field not allowed is absent. The portal and the plugin's events show no more than this.
 */
export function projectContact(
  referral: Pick<ReferralRecord, 'firstName' | 'lastName' | 'email' | 'externalId'>,
  referralDetail: ReferralDetail
): EventContact {
  const fields = CONTACT_FIELDS_BY_DETAIL[referralDetail];
  const contact: EventContact = {};
  if (fields.includes('name')) {
    contact.name =
      referralDetail === 'first-name-last-initial'
        ? firstNameLastInitial(referral.firstName, referral.lastName)
        : fullName(referral);
  }
  if (fields.includes('email')) contact.email = clean(referral.email);
  if (fields.includes('externalId')) contact.externalId = clean(referral.externalId);
  return contact;
}

/**
 * SPEC §8: a referred contact as its partner may see it. The anonymous id, status, source,
 * program and dates always; the name, e-mail and contact id only as far as the program's
 * `referralDetail` allows; purchases and declined charges only when the program shows them.
 * A field the settings do not allow is absent, not null, so no export can print it by mistake.
 */
export function projectReferral(input: {
  referral: ReferralRecord;
  program: ProgramRef & ReferralPrivacy;
  partnerDocumentId: string;
  orders?: readonly ReferralOrderRecord[];
}): PortalReferral {
  const { referral, program } = input;
  const projected: PortalReferral = {
    id: anonymousReferralId(referral.documentId, input.partnerDocumentId),
    status: referral.state,
    source: referral.source,
    program: { slug: program.slug, name: program.name },
    createdAt: toIsoString(referral.createdAt),
    signedUpAt: iso(referral.signedUpAt),
    convertedAt: iso(referral.convertedAt),
  };
  Object.assign(projected, projectContact(referral, program.referralDetail));

  const orders = input.orders ?? [];
  if (program.showPurchaseHistory) {
    projected.purchases = orders.filter(isPaidOrder).map((order): Purchase => ({
      date: day(order.paidAt ?? order.createdAt),
      amount: order.amount,
      currency: order.currency,
      status: order.state,
    }));
  }
  if (program.showDeclinedCharges) {
    projected.declinedCharges = orders
      .filter((order) => DECLINED.has(order.state))
      .map((order): DeclinedCharge => ({
        date: day(order.createdAt),
        amount: order.amount,
        currency: order.currency,
        reason: order.failureReason,
      }));
  }
  return projected;
}

/**
 * The one-line label of a projected referral for commissions and statements: "Jane D.
 * (R-…)" when the program shows a name, the anonymous id alone otherwise.
 */
export function referralLabel(projected: Pick<PortalReferral, 'id' | 'name'>): string {
  return projected.name ? `${projected.name} (${projected.id})` : projected.id;
}
