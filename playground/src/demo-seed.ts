import type { Core, UID } from '@strapi/strapi';

/**
 * Demo data for `npm run demo`: an admin login, two programs (one-tier 20 %, two-tier 20 % / 5 %),
 * partners (one recruited by another), links, six months of clicks, referrals, paid and refunded
 * orders and their commissions, a partner login for the portal and a pending application.
 *
 * Idempotent: the admin and the partner login are ensured on every run; the program data is
 * created once (detected by the first program's slug) and kept afterwards.
 */
export const DEMO = {
  admin: {
    email: process.env.DEMO_ADMIN_EMAIL || 'admin@partners.local',
    password: process.env.DEMO_ADMIN_PASSWORD || 'Demo-admin-2026',
  },
  partnerLogin: {
    email: 'jane@partners.local',
    password: process.env.DEMO_PARTNER_PASSWORD || 'Demo-partner-2026',
  },
};

const uid = (name: string) => `plugin::partners.${name}` as UID.ContentType;
const DAY = 24 * 60 * 60 * 1000;

/** A small deterministic PRNG so every fresh demo database looks the same. */
const random = (() => {
  let seed = 20261121;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();
const pick = (items) => items[Math.floor(random() * items.length)];

async function ensureAdmin(strapi) {
  const users = strapi.service('admin::user');
  const existing = await strapi.db
    .query('admin::user')
    .findOne({ where: { email: DEMO.admin.email } });
  if (existing) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    email: DEMO.admin.email,
    firstname: 'Demo',
    lastname: 'Admin',
    password: DEMO.admin.password,
    registrationToken: null,
    isActive: true,
    roles: superAdmin ? [superAdmin.id] : [],
  });
}

async function ensurePartnerLogin(strapi, partner) {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'partner' } });
  let user = await strapi.db
    .query('plugin::users-permissions.user')
    .findOne({ where: { email: DEMO.partnerLogin.email } });
  if (!user) {
    user = await strapi.plugin('users-permissions').service('user').add({
      username: 'jane',
      email: DEMO.partnerLogin.email,
      password: DEMO.partnerLogin.password,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
  }
  await strapi.documents(uid('partner')).update({
    documentId: partner.documentId,
    data: { users: { connect: [user.documentId] } },
  });
}

/**
 * A pending application for the admin's Applications page: Alex applied to the two-tier
 * network through Jane's recruit link, with a message. Ensured on every run (older demo
 * databases get it too); approving it in the admin mails Alex an invitation.
 */
async function ensureApplicant(strapi) {
  const partners = strapi.documents(uid('partner'));
  if (await partners.findFirst({ filters: { email: 'alex@applicant.local' } })) return;
  const network = await strapi
    .documents(uid('program'))
    .findFirst({ filters: { slug: 'acme-partner-network' } });
  const jane = await partners.findFirst({ filters: { email: 'jane@partners.local' } });
  if (!network) return;
  const alex = await partners.create({
    data: {
      name: 'Alex Applicant',
      email: 'alex@applicant.local',
      company: 'Applicant Media',
      website: 'https://alex-applicant.example',
      type: 'affiliate',
      state: 'applied',
      ...(jane ? { referredBy: jane.documentId } : {}),
    },
  });
  await strapi.documents(uid('enrollment')).create({
    data: {
      partner: alex.documentId,
      program: network.documentId,
      state: 'applied',
      applicationMessage:
        'I review marketing tools for small shops (40k monthly readers) and would like to recommend Acme.',
      termsVersionAccepted: network.termsVersion ?? null,
      acceptedAt: new Date(Date.now() - 2 * DAY),
    },
  });
}

const percentage = (bps: number) => ({ type: 'percentage', bps });

async function createPrograms(strapi) {
  const programs = strapi.documents(uid('program'));
  const common = {
    state: 'active',
    startsAt: new Date(Date.now() - 365 * DAY),
    currency: 'USD',
    landingUrl: 'https://acme.example/',
    holdDays: 30,
    referralDetail: 'first-name-last-initial',
    terms: 'Promote Acme honestly. No paid search on our brand. Commissions are paid monthly.',
    termsVersion: '2026-01',
  };
  const affiliates = await programs.create({
    data: {
      ...common,
      name: 'Acme Affiliates',
      slug: 'acme-affiliates',
      tierMode: 'one-tier',
      commission: percentage(2000),
      recurringMonths: 12,
      applicationMode: 'open',
    },
  });
  const network = await programs.create({
    data: {
      ...common,
      name: 'Acme Partner Network',
      slug: 'acme-partner-network',
      tierMode: 'two-tier',
      commission: percentage(2000),
      secondTier: { commission: percentage(500), basis: 'sale' },
      recurringMonths: null,
      referralDetail: 'full-name',
      showPurchaseHistory: true,
    },
  });
  return { affiliates, network };
}

async function createPartners(strapi) {
  const partners = strapi.documents(uid('partner'));
  const jane = await partners.create({
    data: {
      name: 'Jane Cooper',
      email: 'jane@partners.local',
      company: 'Cooper Reviews',
      website: 'https://cooper-reviews.example',
      type: 'affiliate',
      tier: 'gold',
      state: 'approved',
    },
  });
  const sam = await partners.create({
    data: {
      name: 'Sam Okafor',
      email: 'sam@agency.local',
      company: 'Okafor Digital',
      type: 'agency',
      tier: 'silver',
      state: 'approved',
      referredBy: jane.documentId,
    },
  });
  const lee = await partners.create({
    data: { name: 'Lee Tanaka', email: 'lee@creator.local', type: 'affiliate', state: 'approved' },
  });
  const pat = await partners.create({
    data: {
      name: 'Pat Rivera',
      email: 'pat@applicant.local',
      type: 'affiliate',
      state: 'applied',
    },
  });
  return { jane, sam, lee, pat };
}

async function enroll(strapi, partner, program, state = 'approved') {
  await strapi.documents(uid('enrollment')).create({
    data: {
      partner: partner.documentId,
      program: program.documentId,
      state,
      termsVersionAccepted: state === 'approved' ? '2026-01' : null,
      acceptedAt: state === 'approved' ? new Date(Date.now() - 200 * DAY) : null,
      activatedAt: state === 'approved' ? new Date(Date.now() - 180 * DAY) : null,
    },
  });
}

async function createLink(strapi, code, partner, program, label) {
  return strapi.documents(uid('link')).create({
    data: { code, partner: partner.documentId, program: program.documentId, label },
  });
}

async function createClicks(strapi, links) {
  const agents = [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile Safari',
  ];
  const rows = [];
  for (const { link, partner, program, weight } of links) {
    for (let i = 0; i < weight; i += 1) {
      const isBot = random() < 0.05;
      const createdAt = new Date(Date.now() - Math.floor(random() * 180 * DAY));
      rows.push({
        code: link.code,
        linkId: link.id,
        partnerId: partner.id,
        programId: program.id,
        visitorId: `v${Math.floor(random() * 1e9).toString(36)}`,
        ipHash: `demo-${Math.floor(random() * 1e9).toString(36)}`,
        userAgent: isBot ? 'Googlebot/2.1 (+http://www.google.com/bot.html)' : pick(agents),
        referrer: pick([
          'https://twitter.com/',
          'https://www.youtube.com/',
          '',
          'https://news.example/',
        ]),
        landingUrl: 'https://acme.example/',
        isBot,
        isUnique: !isBot,
        createdAt,
        updatedAt: createdAt,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 200) {
    await strapi.db.query(uid('click')).createMany({ data: rows.slice(i, i + 200) });
  }
}

const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Mateo', 'Sofia', 'Lucas', 'Mia', 'Arjun'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Müller', 'Rossi', 'Kowalski', 'Silva', 'Kim', 'Haddad'];

/**
 * Referred customers and their orders. Orders are written through the Document Service, so the
 * plugin's middleware settles their commissions with the real engine: 20 % to the partner, and
 * in the two-tier program 5 % of the sale to its recruiter. Some are refunded afterwards, which
 * reverses their entries.
 */
/** Moves rows' createdAt into the past (the Document Service always stamps "now"). */
async function backdate(
  strapi: Core.Strapi,
  name: 'referral' | 'order' | 'commission',
  ids: number[],
  at: Date
) {
  if (ids.length === 0) return;
  await strapi.db
    .query(uid(name))
    .updateMany({ where: { id: { $in: ids } }, data: { createdAt: at } });
}

async function createReferralsAndOrders(strapi, { partner, program, link, count }) {
  for (let i = 0; i < count; i += 1) {
    const firstName = pick(FIRST);
    const lastName = pick(LAST);
    const email = `${firstName}.${lastName}.${program.id}.${partner.id}.${i}@customer.example`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    const convertedAt = new Date(Date.now() - Math.floor(random() * 170 * DAY) - DAY);
    const isCustomer = random() < 0.7;
    const referral = await strapi.documents(uid('referral')).create({
      data: {
        partnerId: partner.id,
        programId: program.id,
        linkId: link.id,
        source: 'link',
        email,
        firstName,
        lastName,
        externalId: `cus_demo_${program.id}_${partner.id}_${i}`,
        state: isCustomer ? 'customer' : 'signed-up',
        signedUpAt: new Date(convertedAt.getTime() - 2 * DAY),
        convertedAt: isCustomer ? convertedAt : null,
      },
    });
    // Dated when the contact signed up, so charts and lists read like six months of activity.
    await backdate(strapi, 'referral', [referral.id], new Date(convertedAt.getTime() - 2 * DAY));
    if (!isCustomer) continue;

    const amount = pick([3900, 9900, 29900]);
    const product = amount === 3900 ? 'starter' : amount === 9900 ? 'pro' : 'business';
    const order = await strapi.documents(uid('order')).create({
      data: {
        externalId: `ord_demo_${program.id}_${partner.id}_${i}`,
        referralId: referral.id,
        partnerId: partner.id,
        programId: program.id,
        customerEmail: email,
        customerName: `${firstName} ${lastName}`,
        customerExternalId: referral.externalId,
        amount,
        currency: 'USD',
        items: [{ product, amount, quantity: 1 }],
        state: 'paid',
        paidAt: convertedAt,
        source: 'admin',
      },
    });
    const entries = await strapi.db
      .query(uid('commission'))
      .findMany({ where: { orderId: order.id }, select: ['id'] });
    await backdate(strapi, 'order', [order.id], convertedAt);
    await backdate(
      strapi,
      'commission',
      entries.map(({ id }) => id),
      convertedAt
    );
    if (random() < 0.12) {
      await strapi.documents(uid('order')).update({
        documentId: order.documentId,
        data: { state: 'refunded' },
      });
      // Refunded a few days to a few weeks after the sale, not on the seeding day.
      const refundedAt = new Date(
        Math.min(convertedAt.getTime() + (2 + Math.floor(random() * 40)) * DAY, Date.now())
      );
      await strapi.db.query(uid('commission')).updateMany({
        where: { orderId: order.id, reversedAt: { $notNull: true } },
        data: { reversedAt: refundedAt },
      });
    }
  }
}

/**
 * Dates each approval on the day its hold ended, as the daily job would have done, so monthly
 * statements show every entry in the month it was earned rather than on the seeding day.
 */
async function dateApprovals(strapi: Core.Strapi) {
  const commissions = strapi.db.query(uid('commission'));
  const approved = await commissions.findMany({
    where: { state: 'approved' },
    select: ['id', 'availableAt', 'createdAt'],
  });
  for (const entry of approved) {
    await commissions.update({
      where: { id: entry.id },
      data: { approvedAt: entry.availableAt ?? entry.createdAt },
    });
  }
}

export async function seedDemo(strapi: Core.Strapi) {
  await ensureAdmin(strapi);

  const existing = await strapi
    .documents(uid('program'))
    .findFirst({ filters: { slug: 'acme-affiliates' } });
  if (!existing) {
    const { affiliates, network } = await createPrograms(strapi);
    const { jane, sam, lee, pat } = await createPartners(strapi);
    await enroll(strapi, jane, affiliates);
    await enroll(strapi, jane, network);
    await enroll(strapi, sam, network);
    await enroll(strapi, lee, affiliates);
    await enroll(strapi, pat, affiliates, 'applied');

    const janeLink = await createLink(strapi, 'jane20', jane, affiliates, 'Blog sidebar');
    const janeNetwork = await createLink(strapi, 'jane-network', jane, network, 'Newsletter');
    const samLink = await createLink(strapi, 'okafor', sam, network, 'Agency site');
    const leeLink = await createLink(strapi, 'lee', lee, affiliates, 'YouTube description');
    await createClicks(strapi, [
      { link: janeLink, partner: jane, program: affiliates, weight: 420 },
      { link: janeNetwork, partner: jane, program: network, weight: 160 },
      { link: samLink, partner: sam, program: network, weight: 240 },
      { link: leeLink, partner: lee, program: affiliates, weight: 90 },
    ]);
    await createReferralsAndOrders(strapi, {
      partner: jane,
      program: affiliates,
      link: janeLink,
      count: 24,
    });
    await createReferralsAndOrders(strapi, {
      partner: jane,
      program: network,
      link: janeNetwork,
      count: 8,
    });
    await createReferralsAndOrders(strapi, {
      partner: sam,
      program: network,
      link: samLink,
      count: 14,
    });
    await createReferralsAndOrders(strapi, {
      partner: lee,
      program: affiliates,
      link: leeLink,
      count: 6,
    });
    // Entries past their 30-day hold are approved, as the job would have done over time.
    await strapi.plugin('partners').service('commissions').approveDue();
    await dateApprovals(strapi);
    strapi.log.info(
      '[partners demo] demo programs, partners, clicks, orders and commissions created'
    );
  }

  const jane = await strapi
    .documents(uid('partner'))
    .findFirst({ filters: { email: 'jane@partners.local' } });
  await ensurePartnerLogin(strapi, jane);
  await ensureApplicant(strapi);
}
