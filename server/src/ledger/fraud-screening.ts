import type { Core } from '@strapi/strapi';
import type { CommissionDraft, EnginePartner, EngineProgram } from '../../../plugin/commissions';
import {
  applyFraudSignals,
  detectFraudSignals,
  paidTrafficSource,
  parsePortalSightings,
} from '../../../plugin/fraud';
import { uid } from '../../../plugin/model';

const CLICK = uid('click');
const PARTNER = uid('partner');
const REFERRAL = uid('referral');

/** What is screened: a paid order's drafts, or a referral bounty's. */
export interface Screening {
  program: EngineProgram;
  partner: EnginePartner;
  /** The order's customer, or the referred contact of a bounty. */
  customer: { email: string | null; name: string | null };
  /** The referral the drafts pay for. */
  attribution: { partnerId: number; programId: number; referralId: number };
  drafts: CommissionDraft[];
}

type WatchedKey = 'selfReferral' | 'sharedCustomer' | 'clickVelocity' | 'paidTraffic';

/**
 * SPEC §10 for a paid order's or a referral bounty's drafts: looks up what the program's fraud
 * signals need (other partners' referrals of the customer, the attributing click, where the
 * partner used the portal) and lets plugin/fraud mark, hold or reject the drafts. Programs that
 * watch no signal cost no query.
 */
export const screenDrafts = async (
  strapi: Core.Strapi,
  { program, partner, customer, attribution, drafts }: Screening
): Promise<CommissionDraft[]> => {
  const settings = program.fraudSignals;
  const watched = (key: WatchedKey) => Boolean(settings?.[key] && settings[key] !== 'off');
  if (drafts.length === 0 || !settings || !Object.values(settings).some(isActive)) return drafts;

  const otherPartnersClaiming =
    watched('sharedCustomer') && customer.email
      ? await otherClaimants(strapi, attribution, customer.email)
      : 0;
  const click =
    watched('clickVelocity') || watched('paidTraffic') || watched('selfReferral')
      ? await attributingClick(strapi, attribution)
      : null;
  const portalSightings =
    watched('selfReferral') && click ? await sightingsOf(strapi, attribution.partnerId) : [];
  const levelOne = drafts.find((draft) => draft.level === 1);
  const hits = detectFraudSignals(settings, {
    customerEmail: customer.email,
    customerName: customer.name,
    partner: {
      email: partner.email,
      name: partner.name ?? null,
      userEmails: partner.userEmails,
      portalSightings,
    },
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
  attribution: Screening['attribution'],
  email: string
) => {
  const rows: Array<{ partnerId: number }> = await strapi.db.query(REFERRAL).findMany({
    where: {
      programId: attribution.programId,
      email: email.trim().toLowerCase(),
      partnerId: { $ne: attribution.partnerId },
    },
    select: ['partnerId'],
  });
  return new Set(rows.map((row) => Number(row.partnerId))).size;
};

/** What the screening selects of a click. */
interface AttributingClickRow {
  landingUrl: string | null;
  referrer: string | null;
  velocityFlagged: boolean | null;
  ipHash: string | null;
  visitorId: string | null;
}

/** The partner's latest click by the referral's visitor, when the referral came from one. */
const attributingClick = async (strapi: Core.Strapi, attribution: Screening['attribution']) => {
  const referral: { visitorId: string | null } | null = await strapi.db.query(REFERRAL).findOne({
    where: { id: attribution.referralId },
    select: ['visitorId'],
  });
  if (!referral?.visitorId) return null;
  const click: AttributingClickRow | null = await strapi.db.query(CLICK).findOne({
    where: { visitorId: referral.visitorId, partnerId: attribution.partnerId },
    orderBy: { createdAt: 'desc' },
    select: ['landingUrl', 'referrer', 'velocityFlagged', 'ipHash', 'visitorId'],
  });
  if (!click) return null;
  return {
    velocityFlagged: Boolean(click.velocityFlagged),
    paidTraffic: paidTrafficSource(click.landingUrl, click.referrer),
    ipHash: click.ipHash ?? null,
    visitorId: click.visitorId ?? null,
  };
};

/** Where the partner used the portal (see partners/portal-sightings). */
const sightingsOf = async (strapi: Core.Strapi, partnerId: number) => {
  const row: { portalSightings: unknown } | null = await strapi.db.query(PARTNER).findOne({
    where: { id: partnerId },
    select: ['portalSightings'],
  });
  return parsePortalSightings(row?.portalSightings);
};
