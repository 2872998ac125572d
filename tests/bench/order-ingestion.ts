import type { Core } from '@strapi/strapi';
import type { CreateOrderRequest } from '../../plugin/contracts/orders';
import { uid } from '../../plugin/model';
import type { Scenario } from './types';

const CODE = 'bench';

/**
 * A two-tier program with a tier above the first ten customers: the link's partner earns 20 %
 * (25 % from the tenth customer on) and the partner who recruited them 5 % of the sale.
 */
const seedTwoTierProgram = async (strapi: Core.Strapi) => {
  const program = await strapi.db.query(uid('program')).create({
    data: {
      name: 'Bench program',
      slug: 'bench-program',
      state: 'active',
      currency: 'USD',
      landingUrl: 'https://shop.example/',
      tierMode: 'two-tier',
      trigger: 'sale',
      commission: { type: 'percentage', bps: 2000 },
      secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
      tierMetric: 'active-customers',
      tiers: [{ threshold: 10, commission: { type: 'percentage', bps: 2500 } }],
      recurringMonths: null,
      holdDays: 30,
      attributionWindowDays: 60,
    },
  });
  const partner = (data: Record<string, unknown>) =>
    strapi.db.query(uid('partner')).create({ data: { state: 'approved', ...data } });
  const recruiter = await partner({ name: 'Bench recruiter', email: 'recruiter@bench.test' });
  const seller = await partner({
    name: 'Bench seller',
    email: 'seller@bench.test',
    referredBy: recruiter.id,
  });
  for (const { id } of [recruiter, seller]) {
    await strapi.db
      .query(uid('enrollment'))
      .create({ data: { partner: id, program: program.id, state: 'approved' } });
  }
  await strapi.db
    .query(uid('link'))
    .create({ data: { code: CODE, partner: seller.id, program: program.id } });
};

const orderBody = (n: number): CreateOrderRequest => ({
  data: {
    externalId: `ord_bench_${n}`,
    amount: 10000,
    currency: 'USD',
    status: 'paid',
    referralCode: CODE,
    customerEmail: `customer-${n}@bench.test`,
    customerExternalId: `cus_bench_${n}`,
    items: [{ product: 'pro', amount: 10000, quantity: 1 }],
  },
});

/** SPEC §12: order ingestion with two-tier, tiered rules >= 50 % of a plain content-API create, <= 20 queries. */
export const orderIngestion: Scenario = {
  name: 'order-ingestion',
  title: 'order ingestion',
  goal: { baseline: 'plain-create', atLeast: 0.5, queriesAtMost: 20 },
  async prepare({ strapi }) {
    await seedTwoTierProgram(strapi);
    return {
      method: 'POST',
      path: '/api/partners/orders',
      body: orderBody,
      expectedStatus: 201,
      check(body) {
        const levels = (body as { data?: { commissions?: { level: number }[] } }).data?.commissions
          ?.map((commission) => commission.level)
          .sort((a, b) => a - b);
        if (levels?.join() !== '1,2') {
          throw new Error(
            `expected commissions at levels 1 and 2, got ${JSON.stringify(body).slice(0, 500)}`
          );
        }
      },
      stored: [
        { label: 'orders', perRequest: 1, count: () => strapi.db.query(uid('order')).count() },
        {
          label: 'commissions',
          perRequest: 2,
          count: () => strapi.db.query(uid('commission')).count(),
        },
      ],
    };
  },
};
