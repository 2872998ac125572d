import type { Core } from '@strapi/strapi';
import type { CustomerStatusInput } from '../../../plugin/contracts/orders';
import type { TrackSignupInput } from '../../../plugin/contracts/tracking';
import type { ReferralSource } from '../../../plugin/model';
import { uid } from '../../../plugin/model';
import { addDays } from '../../../plugin/time';
import { lockRow, moneyTransaction } from '../database';
import { idOf } from '../rows';

const LINK = uid('link');
const CLICK = uid('click');
const REFERRAL = uid('referral');
const DEAL = uid('deal');
const PROGRAM = uid('program');

/** The customer of an order, as the order names them. */
export interface CustomerRef {
  customerExternalId?: string | null;
  customerEmail?: string | null;
  customerName?: string | null;
}

/** What an order carries that can name its partner (SPEC §6). */
export interface OrderAttributionInput extends CustomerRef {
  referralCode?: string | null;
  couponCode?: string | null;
  visitorId?: string | null;
}

/** Who referred an order's customer, and since when (for the attribution window). */
export interface Attribution {
  partnerId: number;
  programId: number;
  referralId: number;
  attributedAt: string;
}

interface Candidate {
  partnerId: number;
  programId: number;
  linkId: number | null;
  source: ReferralSource;
  attributedAt: string;
  visitorId?: string | null;
}

const splitName = (name?: string | null) => {
  const [firstName, ...rest] = (name ?? '').trim().split(/\s+/);
  return { firstName: firstName || null, lastName: rest.join(' ') || null };
};

const normaliseEmail = (email?: string | null) => (email ? email.trim().toLowerCase() : null);

/** A referral that has signed up, and since when its partner has it (for the window). */
export interface SignedUpReferral {
  referralId: number;
  attributedAt: string;
}

/** Attribution (SPEC §6): links and codes, visitors, referred contacts and deal registrations. */
const createAttributionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const linkByCode = (code: string) =>
    strapi.db.query(LINK).findOne({
      where: { code: code.toLowerCase() },
      populate: { partner: { select: ['id'] }, program: { select: ['id'] } },
    });

  const fromCode = async (code: string, source: ReferralSource): Promise<Candidate | null> => {
    const link = await linkByCode(code);
    const partnerId = idOf(link?.partner);
    const programId = idOf(link?.program);
    if (!link || !partnerId || !programId) return null;
    return {
      partnerId,
      programId,
      linkId: link.id,
      source,
      attributedAt: new Date().toISOString(),
    };
  };

  /** The visitor's click that wins under its program's attribution model, inside the window. */
  const fromVisitor = async (visitorId: string): Promise<Candidate | null> => {
    const latest = await strapi.db.query(CLICK).findOne({
      where: { visitorId, isBot: false, linkId: { $notNull: true } },
      orderBy: { createdAt: 'desc' },
    });
    if (!latest?.programId) return null;
    const program = await strapi.db.query(PROGRAM).findOne({
      where: { id: latest.programId },
      select: ['id', 'attributionModel', 'attributionWindowDays'],
    });
    if (!program) return null;
    const windowStart = addDays(new Date(), -(program.attributionWindowDays ?? 60));
    const click =
      program.attributionModel === 'first-click'
        ? await strapi.db.query(CLICK).findOne({
            where: {
              visitorId,
              isBot: false,
              programId: program.id,
              createdAt: { $gte: windowStart },
            },
            orderBy: { createdAt: 'asc' },
          })
        : latest;
    if (!click?.partnerId || new Date(click.createdAt).toISOString() < windowStart) return null;
    return {
      partnerId: click.partnerId,
      programId: click.programId,
      linkId: click.linkId,
      source: 'link',
      attributedAt: new Date(click.createdAt).toISOString(),
      visitorId,
    };
  };

  const customerWhere = (customer: CustomerRef, programId?: number) => {
    const email = normaliseEmail(customer.customerEmail);
    const who = [
      ...(customer.customerExternalId ? [{ externalId: customer.customerExternalId }] : []),
      ...(email ? [{ email }] : []),
    ];
    if (who.length === 0) return null;
    return { $or: who, ...(programId ? { program: { id: programId } } : {}) };
  };

  /** The customer's referral: by external id first, then e-mail; the earliest one wins. */
  const existingReferral = async (customer: CustomerRef, programId?: number) => {
    const where = customerWhere(customer, programId);
    if (!where) return null;
    const found = await strapi.db.query(REFERRAL).findMany({
      where,
      orderBy: { createdAt: 'asc' },
      populate: { partner: { select: ['id'] }, program: { select: ['id'] } },
    });
    const byExternalId = found.find(
      (referral) =>
        customer.customerExternalId && referral.externalId === customer.customerExternalId
    );
    return byExternalId ?? found[0] ?? null;
  };

  const fromDeal = async (customer: CustomerRef): Promise<Candidate | null> => {
    const email = normaliseEmail(customer.customerEmail);
    if (!email) return null;
    const now = new Date().toISOString();
    const deal = await strapi.db.query(DEAL).findOne({
      where: {
        contactEmail: email,
        status: { $in: ['approved', 'won'] },
        $or: [{ expiresAt: { $null: true } }, { expiresAt: { $gt: now } }],
      },
      orderBy: { createdAt: 'asc' },
      populate: { partner: { select: ['id'] }, program: { select: ['id'] } },
    });
    const partnerId = idOf(deal?.partner);
    const programId = idOf(deal?.program);
    if (!deal || !partnerId || !programId) return null;
    return {
      partnerId,
      programId,
      linkId: null,
      source: 'deal',
      attributedAt: new Date(deal.createdAt).toISOString(),
    };
  };

  /**
   * The customer's referral in the candidate's program. A contact already attributed to a
   * partner in that program keeps that partner: a later code or click never moves it silently.
   */
  const claim = async (candidate: Candidate, customer: CustomerRef): Promise<Attribution> => {
    const existing = await existingReferral(customer, candidate.programId);
    if (existing) {
      return {
        partnerId: idOf(existing.partner) ?? candidate.partnerId,
        programId: candidate.programId,
        referralId: existing.id,
        attributedAt: new Date(existing.createdAt).toISOString(),
      };
    }
    const referral = await strapi.db.query(REFERRAL).create({
      data: {
        partner: candidate.partnerId,
        program: candidate.programId,
        link: candidate.linkId,
        source: candidate.source,
        visitorId: candidate.visitorId ?? null,
        email: normaliseEmail(customer.customerEmail),
        ...splitName(customer.customerName),
        externalId: customer.customerExternalId ?? null,
        status: 'lead',
      },
    });
    return {
      partnerId: candidate.partnerId,
      programId: candidate.programId,
      referralId: referral.id,
      attributedAt: candidate.attributedAt,
    };
  };

  /**
   * The referral signs up (lead → signed-up) once; a customer who signs up later keeps its
   * status. Names and visitor id only fill empty fields: the endpoint is public, and a stranger
   * must not be able to rename someone else's referral. Rejected referrals stay as they are.
   */
  const markSignedUp = async (referralId: number, signup: TrackSignupInput, at: string) => {
    const referral = await strapi.db.query(REFERRAL).findOne({ where: { id: referralId } });
    if (!referral || referral.status === 'rejected') return false;
    if (referral.signedUpAt) return true;
    const name = splitName(signup.name);
    await strapi.db.query(REFERRAL).updateMany({
      where: { id: referralId, signedUpAt: { $null: true } },
      data: {
        signedUpAt: at,
        ...(referral.status === 'lead' ? { status: 'signed-up' } : {}),
        ...(!referral.firstName && !referral.lastName ? name : {}),
        ...(!referral.visitorId && signup.visitorId ? { visitorId: signup.visitorId } : {}),
      },
    });
    return true;
  };

  return {
    linkByCode,

    /**
     * SPEC §6, a visitor signs up on the site. Through a code, or else the visitor's clicks, the
     * contact becomes the referral of that link's partner in its program, unless the contact is
     * already someone's referral there (it stays theirs). Without either, the contact's open
     * leads sign up with the partners who added them. Returns the referrals now signed up.
     */
    async recordSignup(signup: TrackSignupInput): Promise<SignedUpReferral[]> {
      const at = new Date().toISOString();
      const candidate =
        (signup.code && (await fromCode(signup.code, 'link'))) ||
        (signup.visitorId && (await fromVisitor(signup.visitorId))) ||
        null;
      const contact = { customerEmail: signup.email, customerName: signup.name ?? null };
      if (candidate) {
        // Signups of one program take turns, so a double-submitted form makes one referral.
        const attribution = await moneyTransaction(strapi, async () => {
          await lockRow(strapi, PROGRAM, candidate.programId);
          return claim({ ...candidate, visitorId: signup.visitorId ?? null }, contact);
        });
        const signedUp = await markSignedUp(attribution.referralId, signup, at);
        return signedUp
          ? [{ referralId: attribution.referralId, attributedAt: attribution.attributedAt }]
          : [];
      }
      const leads = await strapi.db.query(REFERRAL).findMany({
        where: { email: signup.email, status: 'lead' },
        select: ['id', 'createdAt'],
      });
      const signedUp: SignedUpReferral[] = [];
      for (const lead of leads) {
        if (await markSignedUp(lead.id, signup, at)) {
          signedUp.push({
            referralId: lead.id,
            attributedAt: new Date(lead.createdAt).toISOString(),
          });
        }
      }
      return signedUp;
    },

    /**
     * SPEC §6, in order: an explicit referral code, coupon code or visitor id on the order → the
     * customer's existing referral → an approved, unexpired deal registration for their e-mail.
     */
    async attributeOrder(order: OrderAttributionInput): Promise<Attribution | null> {
      const candidate =
        (order.referralCode && (await fromCode(order.referralCode, 'link'))) ||
        (order.couponCode && (await fromCode(order.couponCode, 'coupon'))) ||
        (order.visitorId && (await fromVisitor(order.visitorId))) ||
        null;
      if (candidate) return claim(candidate, order);

      const existing = await existingReferral(order);
      const partnerId = idOf(existing?.partner);
      const programId = idOf(existing?.program);
      if (existing && partnerId && programId) {
        return {
          partnerId,
          programId,
          referralId: existing.id,
          attributedAt: new Date(existing.createdAt).toISOString(),
        };
      }

      const deal = await fromDeal(order);
      return deal ? claim(deal, order) : null;
    },

    /** An order that names its partner and program directly (admin, host code). */
    async attributeExplicit(
      partnerId: number,
      programId: number,
      order: CustomerRef & { referralId?: number | null }
    ): Promise<Attribution> {
      if (order.referralId) {
        const referral = await strapi.db
          .query(REFERRAL)
          .findOne({ where: { id: order.referralId } });
        if (referral) {
          return {
            partnerId,
            programId,
            referralId: referral.id,
            attributedAt: new Date(referral.createdAt).toISOString(),
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

    /** A paid order makes its referral a customer (and a churned one active again). */
    async markConverted(referralId: number, paidAt: string) {
      const referral = await strapi.db.query(REFERRAL).findOne({ where: { id: referralId } });
      if (!referral || referral.status === 'rejected') return;
      if (referral.status === 'customer' && referral.convertedAt) return;
      await strapi.db.query(REFERRAL).updateMany({
        where: { id: referralId },
        data: { status: 'customer', convertedAt: referral.convertedAt ?? paidAt, churnedAt: null },
      });
    },

    /** `POST /customers/:externalId/status`: the site says a customer is active or churned. */
    setCustomerStatus: (externalId: string, input: CustomerStatusInput) =>
      moneyTransaction(strapi, async () => {
        const referrals = await strapi.db.query(REFERRAL).findMany({
          where: { externalId, status: { $in: ['customer', 'churned'] } },
          select: ['id', 'status'],
        });
        // Most customers were not referred: that is an answer, not an error.
        if (referrals.length === 0) return { externalId, status: input.status, referrals: 0 };
        const at = input.at ?? new Date().toISOString();
        const data =
          input.status === 'churned'
            ? { status: 'churned', churnedAt: at }
            : { status: 'customer', churnedAt: null };
        await strapi.db.query(REFERRAL).updateMany({
          where: { id: { $in: referrals.map((referral) => referral.id) } },
          data,
        });
        return { externalId, status: input.status, referrals: referrals.length };
      }),
  };
};

export type AttributionService = ReturnType<typeof createAttributionService>;
export default createAttributionService;
