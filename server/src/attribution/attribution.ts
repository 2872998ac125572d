import type { Core } from '@strapi/strapi';
import type { TrackSignupInput } from '../../../plugin/contracts/tracking';
import {
  attributionSteps,
  chooseAttribution,
  existingAttribution,
  type Attribution,
  type AttributionCandidate,
} from '../../../plugin/attribution';
import { uid } from '../../../plugin/model';
import { lockRow, moneyTransaction } from '../platform/database';
import { insertRow, iso, type RawRow } from '../platform/rows';
import {
  createAttributionCandidates,
  normaliseEmail,
  type CustomerRef,
  type OrderAttributionInput,
} from './attribution-candidates';
import { toReferralRecord, type ReferralRecord } from './referral-record';
import { createReferralStates, splitName } from './referral-states';

const REFERRAL = uid('referral');
const PROGRAM = uid('program');

export type { Attribution, CustomerRef, OrderAttributionInput };

/** An order's attribution; `newReferral` when the order's customer became a referral just now. */
export type OrderAttribution = Attribution & { newReferral?: boolean };

/** A referral that has signed up, and since when its partner has it (for the window). */
export interface SignedUpReferral {
  referralId: number;
  attributedAt: string;
}

/** A lead read with `select: ['id', 'createdAt']`: the referral a signup may sign up. */
const toOpenLead = (row: RawRow): SignedUpReferral => ({
  referralId: Number(row.id),
  attributedAt: iso(row.createdAt) ?? new Date(0).toISOString(),
});

/**
 * Attribution (SPEC §6): links and codes, visitors, referred contacts and deal registrations.
 * attribution-candidates.ts finds who referred a contact; this service claims the contact for
 * them; referral-states.ts moves the referral on.
 */
const createAttributionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const candidates = createAttributionCandidates(strapi);
  const states = createReferralStates(strapi);
  const { customerReferral, candidateOf, linkOfCode } = candidates;

  /** The customer's referral in the candidate's program: theirs already, or a new one. */
  const claim = async (
    candidate: AttributionCandidate,
    customer: CustomerRef
  ): Promise<OrderAttribution> => {
    const decision = chooseAttribution(
      candidate,
      await customerReferral(customer, candidate.programId)
    );
    if (decision.kind === 'keep') return { ...decision.attribution, newReferral: false };
    const referral = await insertRow(strapi, REFERRAL, {
      partnerId: candidate.partnerId,
      programId: candidate.programId,
      linkId: candidate.linkId,
      source: candidate.source,
      visitorId: candidate.visitorId ?? null,
      email: normaliseEmail(customer.customerEmail),
      ...splitName(customer.customerName),
      externalId: customer.customerExternalId ?? null,
      state: 'lead',
    });
    return {
      partnerId: candidate.partnerId,
      programId: candidate.programId,
      referralId: referral.id,
      attributedAt: candidate.attributedAt,
      newReferral: true,
    };
  };

  return {
    /**
     * SPEC §6, a visitor signs up on the site. Through a code, or else the visitor's clicks, the
     * contact becomes the referral of that link's partner in its program, unless the contact is
     * already someone's referral there (it stays theirs). Without either, the contact's open
     * leads sign up with the partners who added them. Returns the referrals now signed up.
     */
    async recordSignup(signup: TrackSignupInput): Promise<SignedUpReferral[]> {
      const at = new Date().toISOString();
      const candidate = await candidates.firstCandidate({
        referralCode: signup.code,
        visitorId: signup.visitorId,
      });
      const contact = { customerEmail: signup.email, customerName: signup.name ?? null };
      if (candidate) {
        // Signups of one program take turns, so a double-submitted form makes one referral.
        const attribution = await moneyTransaction(strapi, async () => {
          await lockRow(strapi, PROGRAM, candidate.programId);
          return claim({ ...candidate, visitorId: signup.visitorId ?? null }, contact);
        });
        const signedUp = await states.markSignedUp(attribution.referralId, signup, at);
        return signedUp
          ? [{ referralId: attribution.referralId, attributedAt: attribution.attributedAt }]
          : [];
      }
      const leads: RawRow[] = await strapi.db.query(REFERRAL).findMany({
        where: { email: signup.email, state: 'lead' },
        select: ['id', 'createdAt'],
      });
      const signedUp: SignedUpReferral[] = [];
      for (const lead of leads.map(toOpenLead)) {
        if (await states.markSignedUp(lead.referralId, signup, at)) signedUp.push(lead);
      }
      return signedUp;
    },

    /**
     * SPEC §6, in order: an explicit referral code, coupon code or visitor id on the order → the
     * customer's existing referral → an approved, unexpired deal registration for their e-mail.
     */
    async attributeOrder(order: OrderAttributionInput): Promise<OrderAttribution | null> {
      for (const step of attributionSteps(order)) {
        if (step === 'existing-referral') {
          const existing = existingAttribution(await customerReferral(order));
          if (existing) return existing;
          continue;
        }
        const candidate = await candidateOf(step, order);
        if (candidate) return claim(candidate, order);
      }
      return null;
    },

    /** The codes an order names whose links are disabled (for its ineligible reason). */
    async disabledCodes(order: { referralCode?: string | null; couponCode?: string | null }) {
      const codes = [...new Set([order.referralCode, order.couponCode])].filter(
        (code): code is string => Boolean(code)
      );
      const disabled: string[] = [];
      for (const code of codes) if ((await linkOfCode(code))?.disabled) disabled.push(code);
      return disabled;
    },

    /** An order that names its partner and program directly (admin, host code). */
    async attributeExplicit(
      partnerId: number,
      programId: number,
      order: CustomerRef & { referralId?: number | null }
    ): Promise<Attribution> {
      if (order.referralId) {
        const row: RawRow | null = await strapi.db
          .query(REFERRAL)
          .findOne({ where: { id: order.referralId } });
        if (row) {
          const referral = toReferralRecord(row);
          return {
            partnerId,
            programId,
            referralId: referral.id,
            attributedAt: referral.createdAt,
          };
        }
      }
      return claim(
        {
          partnerId,
          programId,
          linkId: null,
          source: 'manual',
          attributedAt: new Date().toISOString(),
        },
        order
      );
    },

    markConverted: states.markConverted,

    /**
     * A partner's lead (SPEC §6, `source: lead`); null when the program has a referral with this
     * e-mail already. Leads of one program take turns on the program row, so two partners
     * cannot both claim a contact.
     */
    addLead: (
      partnerId: number,
      programId: number,
      lead: { email: string; firstName?: string | null; lastName?: string | null }
    ) =>
      moneyTransaction(strapi, async (): Promise<ReferralRecord | null> => {
        await lockRow(strapi, PROGRAM, programId);
        const taken = await strapi.db.query(REFERRAL).count({
          where: { programId, email: lead.email },
        });
        if (taken > 0) return null;
        const created: RawRow = await strapi.db.query(REFERRAL).create({
          data: {
            partnerId,
            programId,
            source: 'lead',
            state: 'lead',
            email: lead.email,
            firstName: lead.firstName ?? null,
            lastName: lead.lastName ?? null,
          },
        });
        return toReferralRecord(created);
      }),

    markQualified: states.markQualified,
    setCustomerStatus: states.setCustomerStatus,
  };
};

export type AttributionService = ReturnType<typeof createAttributionService>;
export default createAttributionService;
