import type { Core } from '@strapi/strapi';
import {
  attributionSteps,
  attributionWindowStart,
  chooseClick,
  pickCustomerReferral,
  type AttributionCandidate,
  type AttributionFacts,
  type AttributionStep,
  type CustomerReferral,
} from '../../../plugin/attribution';
import { uid, type AttributionModel, type ReferralSource } from '../../../plugin/model';
import { normaliseReferralCode } from '../../../plugin/tracking';
import { getService } from '../platform/plugin-context';
import { idOf, idOrNull, iso, type RawRow, textOrNull } from '../platform/rows';
import { toClickRecord, type ClickRecord } from './click-record';

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

export const normaliseEmail = (email?: string | null) =>
  email ? email.trim().toLowerCase() : null;

/** The link a code names, as far as attribution needs it. */
interface LinkOfCode {
  id: number;
  partnerId: number | null;
  programId: number | null;
  disabled: boolean;
}

/** A link read with `select: ['id', 'disabledAt']` and its partner's and program's ids. */
const toLinkOfCode = (row: RawRow): LinkOfCode => ({
  id: Number(row.id),
  partnerId: idOf(row.partner),
  programId: idOf(row.program),
  disabled: Boolean(row.disabledAt),
});

/** A program's attribution settings (`select: ['id', 'attributionModel', ...WindowDays]`). */
interface AttributionSettings {
  id: number;
  attributionModel: AttributionModel;
  attributionWindowDays: number | null;
}

const toAttributionSettings = (row: RawRow): AttributionSettings => ({
  id: Number(row.id),
  attributionModel: row.attributionModel as AttributionModel,
  attributionWindowDays: idOrNull(row.attributionWindowDays),
});

/** A click of a program, as `chooseClick` weighs it. */
type ProgramClick = ClickRecord & { programId: number };

const inProgram = (click: ClickRecord | null): ProgramClick | null =>
  click && click.programId !== null ? { ...click, programId: click.programId } : null;

const clickOf = (row: RawRow | null) => inProgram(row ? toClickRecord(row) : null);

/** A deal registration as it names a partner: its partner, program and date. */
interface RegisteredDeal {
  partnerId: number | null;
  programId: number | null;
  createdAt: string;
}

const toRegisteredDeal = (row: RawRow): RegisteredDeal => ({
  partnerId: idOf(row.partner),
  programId: idOf(row.program),
  createdAt: iso(row.createdAt) ?? new Date(0).toISOString(),
});

/** A referral read with `select: ['id', 'partnerId', 'programId', 'externalId', 'createdAt']`. */
const toCustomerReferral = (row: RawRow): CustomerReferral => ({
  id: Number(row.id),
  partnerId: idOrNull(row.partnerId),
  programId: idOrNull(row.programId),
  externalId: textOrNull(row.externalId),
  createdAt: iso(row.createdAt) ?? new Date(0).toISOString(),
});

/**
 * The reads that find who referred a contact (SPEC §6): the link of a code, the visitor's
 * winning click, an approved deal registration, and the customer's existing referral.
 */
export const createAttributionCandidates = (strapi: Core.Strapi) => {
  const linkByCode = async (code: string) => {
    const row: RawRow | null = await strapi.db.query(LINK).findOne({
      where: { code: normaliseReferralCode(code) },
      select: ['id', 'disabledAt'],
      populate: { partner: { select: ['id'] }, program: { select: ['id'] } },
    });
    return row ? toLinkOfCode(row) : null;
  };

  /** The link a code names, as the redirect's cache has it or else from the database. */
  const linkOfCode = async (code: string): Promise<LinkOfCode | null> => {
    const cached = await getService('tracking', { strapi }).cachedLink(code);
    if (cached) {
      return {
        id: cached.linkId,
        partnerId: cached.partnerId,
        programId: cached.programId,
        disabled: cached.disabled,
      };
    }
    return linkByCode(code);
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
    const latest = clickOf(
      await clicks.findOne({
        where: { visitorId, isBot: false, linkId: { $notNull: true } },
        orderBy: { createdAt: 'desc' },
      })
    );
    if (!latest?.programId) return null;
    const row: RawRow | null = await strapi.db.query(PROGRAM).findOne({
      where: { id: latest.programId },
      select: ['id', 'attributionModel', 'attributionWindowDays'],
    });
    if (!row) return null;
    const program = toAttributionSettings(row);
    const now = new Date();
    const windowStart = attributionWindowStart(program.attributionWindowDays, now);
    const earliestInWindow =
      program.attributionModel === 'first-click'
        ? clickOf(
            await clicks.findOne({
              where: {
                visitorId,
                isBot: false,
                programId: program.id,
                ...(windowStart ? { createdAt: { $gte: windowStart } } : {}),
              },
              orderBy: { createdAt: 'asc' },
            })
          )
        : null;
    const { click } = chooseClick(program, { earliestInWindow, latest }, now);
    if (!click?.partnerId) return null;
    return {
      partnerId: click.partnerId,
      programId: click.programId,
      linkId: click.linkId,
      source: 'link',
      attributedAt: click.createdAt,
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
    const found: RawRow[] = await strapi.db.query(REFERRAL).findMany({
      where,
      select: ['id', 'partnerId', 'programId', 'externalId', 'createdAt'],
    });
    return pickCustomerReferral(found.map(toCustomerReferral), customer.customerExternalId);
  };

  const fromDeal = async (customer: CustomerRef): Promise<AttributionCandidate | null> => {
    const email = normaliseEmail(customer.customerEmail);
    if (!email) return null;
    const now = new Date().toISOString();
    const row: RawRow | null = await strapi.db.query(DEAL).findOne({
      where: {
        contactEmail: email,
        state: { $in: ['approved', 'won'] },
        $or: [{ expiresAt: { $null: true } }, { expiresAt: { $gt: now } }],
      },
      orderBy: { createdAt: 'asc' },
      populate: { partner: { select: ['id'] }, program: { select: ['id'] } },
    });
    const deal = row ? toRegisteredDeal(row) : null;
    if (!deal || !deal.partnerId || !deal.programId) return null;
    return {
      partnerId: deal.partnerId,
      programId: deal.programId,
      linkId: null,
      source: 'deal',
      attributedAt: deal.createdAt,
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

  return { linkOfCode, customerReferral, candidateOf, firstCandidate };
};

export type AttributionCandidates = ReturnType<typeof createAttributionCandidates>;
