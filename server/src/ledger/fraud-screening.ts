import type { Core } from '@strapi/strapi';
import type { CommissionDraft, EnginePartner, EngineProgram } from '../../../plugin/commissions';
import { applyFraudSignals, detectFraudSignals, paidTrafficSource } from '../../../plugin/fraud';
import { uid } from '../../../plugin/model';
import type { OrderAttribution } from '../attribution/attribution';

const CLICK = uid('click');
const REFERRAL = uid('referral');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * SPEC §10 for a paid order's drafts: looks up what the program's fraud signals need (other
 * partners' referrals of the customer, the attributing click) and lets plugin/fraud mark, hold
 * or reject the drafts. Programs that watch no signal cost no query.
 */
export const screenSaleDrafts = async (
  strapi: Core.Strapi,
  input: {
    program: EngineProgram;
    partner: EnginePartner;
    order: Row;
    attribution: OrderAttribution;
    drafts: CommissionDraft[];
  }
): Promise<CommissionDraft[]> => {
  const { program, partner, order, attribution, drafts } = input;
  const settings = program.fraudSignals;
  const watched = (key: 'sharedCustomer' | 'clickVelocity' | 'paidTraffic') =>
    Boolean(settings?.[key] && settings[key] !== 'off');
  if (drafts.length === 0 || !settings || !Object.values(settings).some(isActive)) return drafts;

  const customerEmail: string | null = order.customerEmail ?? null;
  const otherPartnersClaiming =
    watched('sharedCustomer') && customerEmail
      ? await otherClaimants(strapi, attribution, customerEmail)
      : 0;
  const click =
    watched('clickVelocity') || watched('paidTraffic')
      ? await attributingClick(strapi, attribution)
      : null;
  const levelOne = drafts.find((draft) => draft.level === 1);
  const hits = detectFraudSignals(settings, {
    customerEmail,
    customerName: order.customerName ?? null,
    partner: { email: partner.email, name: partner.name ?? null, userEmails: partner.userEmails },
    levelOneAmount: levelOne?.amount ?? 0,
    currency: program.currency,
    otherPartnersClaiming,
    click,
  });
  return applyFraudSignals(drafts, hits);
};

const isActive = (value: unknown) => typeof value === 'string' && value !== 'off';

/** How many other partners have a referral with the customer's e-mail in the program. */
const otherClaimants = async (
  strapi: Core.Strapi,
  attribution: OrderAttribution,
  email: string
) => {
  const rows: Row[] = await strapi.db.query(REFERRAL).findMany({
    where: {
      programId: attribution.programId,
      email: email.trim().toLowerCase(),
      partnerId: { $ne: attribution.partnerId },
    },
    select: ['partnerId'],
  });
  return new Set(rows.map((row) => Number(row.partnerId))).size;
};

/** The partner's latest click by the referral's visitor, when the referral came from one. */
const attributingClick = async (strapi: Core.Strapi, attribution: OrderAttribution) => {
  const referral: Row | null = await strapi.db.query(REFERRAL).findOne({
    where: { id: attribution.referralId },
    select: ['visitorId'],
  });
  if (!referral?.visitorId) return null;
  const click: Row | null = await strapi.db.query(CLICK).findOne({
    where: { visitorId: referral.visitorId, partnerId: attribution.partnerId },
    orderBy: { createdAt: 'desc' },
    select: ['landingUrl', 'referrer', 'velocityFlagged'],
  });
  if (!click) return null;
  return {
    velocityFlagged: Boolean(click.velocityFlagged),
    paidTraffic: paidTrafficSource(click.landingUrl, click.referrer),
  };
};
