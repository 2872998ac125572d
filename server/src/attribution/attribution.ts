import type { Core } from '@strapi/strapi';
import type { CustomerStatusInput } from '../../../plugin/contracts/orders';
import type { TrackSignupInput } from '../../../plugin/contracts/tracking';
import {
  attributionSteps,
  attributionWindowStart,
  chooseAttribution,
  chooseClick,
  existingAttribution,
  pickCustomerReferral,
  type Attribution,
  type AttributionCandidate,
  type AttributionFacts,
  type AttributionStep,
  type CustomerReferral,
} from '../../../plugin/attribution';
import type { ReferralSource } from '../../../plugin/model';
import { uid } from '../../../plugin/model';
import { lockRow, moneyTransaction, tableOf, withKnex } from '../platform/database';
import { getService } from '../platform/plugin-context';
import { idOf, idOrNull, insertRow } from '../platform/rows';
import { normaliseReferralCode } from '../../../plugin/tracking';

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
export interface OrderAttributionInput extends CustomerRef, AttributionFacts {}

export type { Attribution };

const splitName = (name?: string | null) => {
  const [firstName, ...rest] = (name ?? '').trim().split(/\s+/);
  return { firstName: firstName || null, lastName: rest.join(' ') || null };
};

const normaliseEmail = (email?: string | null) => (email ? email.trim().toLowerCase() : null);

/** An order's attribution; `newReferral` when the order's customer became a referral just now. */
export type OrderAttribution = Attribution & { newReferral?: boolean };

/** A referral that has signed up, and since when its partner has it (for the window). */
export interface SignedUpReferral {
  referralId: number;
  attributedAt: string;
}

/** Attribution (SPEC §6): links and codes, visitors, referred contacts and deal registrations. */
const createAttributionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const linkByCode = (code: string) =>
    strapi.db.query(LINK).findOne({
      where: { code: normaliseReferralCode(code) },
      select: ['id', 'disabledAt'],
      populate: { partner: { select: ['id'] }, program: { select: ['id'] } },
    });

  /** The link a code names, as the redirect's cache has it or else from the database. */
  const linkOfCode = async (code: string) => {
    const cached = await getService('tracking', { strapi }).cachedLink(code);
    if (cached) {
      return {
        id: cached.linkId,
        partnerId: cached.partnerId,
        programId: cached.programId,
        disabled: cached.disabled,
      };
    }
    const row = await linkByCode(code);
    return row
      ? {
          id: row.id as number,
          partnerId: idOf(row.partner),
          programId: idOf(row.program),
          disabled: Boolean(row.disabledAt),
        }
      : null;
  };

  const fromCode = async (
    code: string,
    source: ReferralSource
  ): Promise<AttributionCandidate | null> => {
    // The redirect's cached link when this node has it (no query); a miss asks the database, so
    // a link created on another node a moment ago still attributes. A disabled link names no one.
    const link = await linkOfCode(code);
    const partnerId = link?.partnerId;
    const programId = link?.programId;
    if (!link || link.disabled || !partnerId || !programId) return null;
    return {
      partnerId,
      programId,
      linkId: link.id,
      source,
      attributedAt: new Date().toISOString(),
    };
  };

  /** The visitor's click that wins under its program's attribution model, inside the window. */
  const fromVisitor = async (visitorId: string): Promise<AttributionCandidate | null> => {
    const clicks = strapi.db.query(CLICK);
    const latest = await clicks.findOne({
      where: { visitorId, isBot: false, linkId: { $notNull: true } },
      orderBy: { createdAt: 'desc' },
    });
    if (!latest?.programId) return null;
    const program = await strapi.db.query(PROGRAM).findOne({
      where: { id: latest.programId },
      select: ['id', 'attributionModel', 'attributionWindowDays'],
    });
    if (!program) return null;
    const now = new Date();
    const windowStart = attributionWindowStart(program.attributionWindowDays ?? null, now);
    const earliestInWindow =
      program.attributionModel === 'first-click'
        ? await clicks.findOne({
            where: {
              visitorId,
              isBot: false,
              programId: program.id,
              ...(windowStart ? { createdAt: { $gte: windowStart } } : {}),
            },
            orderBy: { createdAt: 'asc' },
          })
        : null;
    const { click } = chooseClick(
      {
        attributionModel: program.attributionModel,
        attributionWindowDays: program.attributionWindowDays ?? null,
      },
      { earliestInWindow, latest },
      now
    );
    if (!click?.partnerId) return null;
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
    return { $or: who, ...(programId ? { programId } : {}) };
  };

  /** The customer's referral (SPEC §6: by external id, then e-mail), in one program or any. */
  const customerReferral = async (customer: CustomerRef, programId?: number) => {
    const where = customerWhere(customer, programId);
    if (!where) return null;
    const found = await strapi.db.query(REFERRAL).findMany({
      where,
      select: ['id', 'partnerId', 'programId', 'externalId', 'createdAt'],
    });
    const referrals: CustomerReferral[] = found.map((row) => ({
      id: row.id,
      partnerId: idOrNull(row.partnerId),
      programId: idOrNull(row.programId),
      externalId: row.externalId ?? null,
      createdAt: row.createdAt,
    }));
    return pickCustomerReferral(referrals, customer.customerExternalId);
  };

  const fromDeal = async (customer: CustomerRef): Promise<AttributionCandidate | null> => {
    const email = normaliseEmail(customer.customerEmail);
    if (!email) return null;
    const now = new Date().toISOString();
    const deal = await strapi.db.query(DEAL).findOne({
      where: {
        contactEmail: email,
        state: { $in: ['approved', 'won'] },
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

  /** What one attribution step finds (the `existing-referral` step is not a candidate). */
  const candidateOf = (
    step: Exclude<AttributionStep, 'existing-referral'>,
    facts: OrderAttributionInput
  ): Promise<AttributionCandidate | null> => {
    switch (step) {
      case 'referral-code':
        return fromCode(facts.referralCode as string, 'link');
      case 'coupon-code':
        return fromCode(facts.couponCode as string, 'coupon');
      case 'visitor':
        return fromVisitor(facts.visitorId as string);
      case 'deal':
        return fromDeal(facts);
    }
  };

  /** The first link or click a signup names, in precedence order. */
  const firstCandidate = async (facts: OrderAttributionInput) => {
    for (const step of attributionSteps(facts)) {
      if (step === 'existing-referral') continue;
      const candidate = await candidateOf(step, facts);
      if (candidate) return candidate;
    }
    return null;
  };

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

  /**
   * The referral signs up (lead → signed-up) once; a customer who signs up later keeps its
   * state. Names and visitor id only fill empty fields: the endpoint is public, and a stranger
   * must not be able to rename someone else's referral. Rejected referrals stay as they are.
   */
  const markSignedUp = async (referralId: number, signup: TrackSignupInput, at: string) => {
    const referral = await strapi.db.query(REFERRAL).findOne({ where: { id: referralId } });
    if (!referral || referral.state === 'rejected') return false;
    if (referral.signedUpAt) return true;
    const name = splitName(signup.name);
    await strapi.db.query(REFERRAL).updateMany({
      where: { id: referralId, signedUpAt: { $null: true } },
      data: {
        signedUpAt: at,
        ...(referral.state === 'lead' ? { state: 'signed-up' } : {}),
        ...(!referral.firstName && !referral.lastName ? name : {}),
        ...(!referral.visitorId && signup.visitorId ? { visitorId: signup.visitorId } : {}),
      },
    });
    return true;
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
      const candidate = await firstCandidate({
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
        const signedUp = await markSignedUp(attribution.referralId, signup, at);
        return signedUp
          ? [{ referralId: attribution.referralId, attributedAt: attribution.attributedAt }]
          : [];
      }
      const leads = await strapi.db.query(REFERRAL).findMany({
        where: { email: signup.email, state: 'lead' },
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
    markConverted: (referralId: number, paidAt: string) =>
      // One statement: rejected referrals and converted customers stay as they are; a first
      // conversion keeps the earliest date.
      withKnex(strapi, (knex) =>
        knex(tableOf(strapi, REFERRAL))
          .where('id', referralId)
          .whereNot('state', 'rejected')
          .whereNot((query) => query.where('state', 'customer').whereNotNull('converted_at'))
          .update({
            state: 'customer',
            converted_at: knex.raw('coalesce(converted_at, ?)', [new Date(paidAt)]),
            churned_at: null,
            updated_at: new Date(),
          })
      ),

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
      moneyTransaction(strapi, async () => {
        await lockRow(strapi, PROGRAM, programId);
        const taken = await strapi.db.query(REFERRAL).count({
          where: { programId, email: lead.email },
        });
        if (taken > 0) return null;
        return strapi.db.query(REFERRAL).create({
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
      }),

    /** A qualified-customer bounty was granted for this referral (SPEC §5.1). */
    markQualified: (referralId: number, at: string) =>
      strapi.db.query(REFERRAL).update({ where: { id: referralId }, data: { qualifiedAt: at } }),

    /** `POST /customers/:externalId/status`: the site says a customer is active or churned. */
    setCustomerStatus: (externalId: string, input: CustomerStatusInput) =>
      moneyTransaction(strapi, async () => {
        const referrals = await strapi.db.query(REFERRAL).findMany({
          where: { externalId, state: { $in: ['customer', 'churned'] } },
          select: ['id', 'state', 'programId'],
        });
        // Most customers were not referred: that is an answer, not an error.
        if (referrals.length === 0) return { externalId, status: input.status, referrals: 0 };
        const now = new Date().toISOString();
        const at = input.at ?? now;
        const data =
          input.status === 'churned'
            ? { state: 'churned', churnedAt: at }
            : { state: 'customer', churnedAt: null };
        await strapi.db.query(REFERRAL).updateMany({
          where: { id: { $in: referrals.map((referral) => referral.id) } },
          data,
        });
        // Only a new churn takes commissions back: a repeated report changes nothing more.
        const churned = referrals.filter((referral) => referral.state === 'customer');
        if (input.status === 'churned' && churned.length > 0) {
          await getService('churn-reversals', { strapi }).reverseHeld(
            churned.map((referral) => ({
              id: Number(referral.id),
              programId: Number(referral.programId),
            })),
            at,
            now
          );
        }
        return { externalId, status: input.status, referrals: referrals.length };
      }),
  };
};

export type AttributionService = ReturnType<typeof createAttributionService>;
export default createAttributionService;
