import type { ReferralSource } from '../model';
import { toEpochMs, toIsoString, type Instant } from '../time';

/** SPEC §6: where an order finds its partner, first match wins. */
export const ATTRIBUTION_STEPS = [
  'referral-code',
  'coupon-code',
  'visitor',
  'existing-referral',
  'deal',
] as const;
export type AttributionStep = (typeof ATTRIBUTION_STEPS)[number];

/** What an order (or a signup) carries that can name its partner. */
export interface AttributionFacts {
  referralCode?: string | null;
  couponCode?: string | null;
  visitorId?: string | null;
  customerExternalId?: string | null;
  customerEmail?: string | null;
}

const USABLE: { [step in AttributionStep]: (facts: AttributionFacts) => boolean } = {
  'referral-code': (facts) => Boolean(facts.referralCode),
  'coupon-code': (facts) => Boolean(facts.couponCode),
  visitor: (facts) => Boolean(facts.visitorId),
  'existing-referral': (facts) => Boolean(facts.customerExternalId || facts.customerEmail),
  deal: (facts) => Boolean(facts.customerEmail),
};

/** The steps these facts can take, in precedence order: the server looks them up one by one. */
export function attributionSteps(facts: AttributionFacts): AttributionStep[] {
  return ATTRIBUTION_STEPS.filter((step) => USABLE[step](facts));
}

/** A partner one step found for the customer: through a link, a click or a deal. */
export interface AttributionCandidate {
  partnerId: number;
  programId: number;
  linkId: number | null;
  source: ReferralSource;
  attributedAt: string;
  visitorId?: string | null;
}

/** One of the customer's stored referrals. */
export interface CustomerReferral {
  id: number;
  partnerId: number | null;
  programId: number | null;
  externalId: string | null;
  createdAt: Instant;
}

/** Who referred an order's customer, and since when (for the attribution window). */
export interface Attribution {
  partnerId: number;
  programId: number;
  referralId: number;
  attributedAt: string;
}

export type AttributionDecision =
  { kind: 'keep'; attribution: Attribution } | { kind: 'claim'; candidate: AttributionCandidate };

/**
 * The customer's referral among those matching their external id or e-mail: the one with their
 * external id, else the oldest. An e-mail can be shared or reused; an external id cannot.
 */
export function pickCustomerReferral<R extends CustomerReferral>(
  referrals: readonly R[],
  customerExternalId?: string | null
): R | null {
  const oldestFirst = [...referrals].sort(
    (a, b) => toEpochMs(a.createdAt) - toEpochMs(b.createdAt) || a.id - b.id
  );
  const byExternalId = customerExternalId
    ? oldestFirst.find((referral) => referral.externalId === customerExternalId)
    : undefined;
  return byExternalId ?? oldestFirst[0] ?? null;
}

/**
 * A link, click or deal found a partner in its program. A contact already referred there keeps
 * that referral and its partner: a later code or click never moves a customer silently.
 */
export function chooseAttribution(
  candidate: AttributionCandidate,
  referralInProgram: CustomerReferral | null
): AttributionDecision {
  if (!referralInProgram) return { kind: 'claim', candidate };
  return {
    kind: 'keep',
    attribution: {
      // A referral whose partner was deleted goes to the partner who found the customer again.
      partnerId: referralInProgram.partnerId ?? candidate.partnerId,
      programId: candidate.programId,
      referralId: referralInProgram.id,
      attributedAt: toIsoString(referralInProgram.createdAt),
    },
  };
}

/** The `existing-referral` step: the customer's referral, when it still has a partner and program. */
export function existingAttribution(referral: CustomerReferral | null): Attribution | null {
  if (!referral || referral.partnerId === null || referral.programId === null) return null;
  return {
    partnerId: referral.partnerId,
    programId: referral.programId,
    referralId: referral.id,
    attributedAt: toIsoString(referral.createdAt),
  };
}

const MISSED: { [step in AttributionStep]: (facts: AttributionFacts) => string } = {
  'referral-code': (facts) => `no partner's link has the code "${facts.referralCode}"`,
  'coupon-code': (facts) => `no partner's link has the coupon "${facts.couponCode}"`,
  visitor: () => 'the visitor has no partner click inside the attribution window',
  'existing-referral': () => 'the customer was not referred before',
  deal: () => 'no approved, unexpired deal names the customer',
};

/** Why nothing attributed these facts: every step they could take, and what it missed. */
export function unattributedReason(facts: AttributionFacts): string {
  const missed = attributionSteps(facts).map((step) => MISSED[step](facts));
  return missed.length === 0
    ? 'no partner: nothing names a referral code, coupon, visitor or customer'
    : `no partner: ${missed.join('; ')}`;
}
