import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { uid } from '../../plugin/model';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const unique = () => randomBytes(4).toString('hex');

/** A full-access API token, as a site backend would use for `POST /api/partners/orders`. */
export const createApiToken = async (strapi: Core.Strapi): Promise<string> => {
  const token = await strapi.service('admin::api-token').create({
    name: `tests-${unique()}`,
    type: 'full-access',
    lifespan: null,
    description: '',
  });
  return token.accessKey;
};

export const createProgram = (strapi: Core.Strapi, overrides: Row = {}): Promise<Row> =>
  strapi.db.query(uid('program')).create({
    data: {
      name: `Program ${unique()}`,
      slug: `program-${unique()}`,
      state: 'active',
      currency: 'USD',
      landingUrl: 'https://shop.example/',
      tierMode: 'one-tier',
      trigger: 'sale',
      commission: { type: 'percentage', bps: 2000 },
      recurringMonths: null,
      holdDays: 30,
      attributionWindowDays: 60,
      timezone: 'UTC',
      ...overrides,
    },
  });

export const createPartner = (strapi: Core.Strapi, overrides: Row = {}): Promise<Row> =>
  strapi.db.query(uid('partner')).create({
    data: {
      name: `Partner ${unique()}`,
      email: `partner-${unique()}@partners.test`,
      state: 'approved',
      ...overrides,
    },
  });

export const enroll = (strapi: Core.Strapi, partner: Row, program: Row, overrides: Row = {}) =>
  strapi.db.query(uid('enrollment')).create({
    data: { partner: partner.id, program: program.id, state: 'approved', ...overrides },
  });

export const createLink = (
  strapi: Core.Strapi,
  partner: Row,
  program: Row,
  code = `p${unique()}`
) =>
  strapi.db.query(uid('link')).create({
    data: { code: code.toLowerCase(), partner: partner.id, program: program.id },
  });

/** A program with an enrolled, approved partner and its link; two-tier adds a recruiter. */
export const createProgramWithPartner = async (strapi: Core.Strapi, rules: Row = {}) => {
  const program = await createProgram(strapi, rules);
  const recruiter = rules.tierMode === 'two-tier' ? await createPartner(strapi) : null;
  if (recruiter) await enroll(strapi, recruiter, program);
  const partner = await createPartner(strapi, recruiter ? { referredBy: recruiter.id } : {});
  await enroll(strapi, partner, program);
  const link = await createLink(strapi, partner, program);
  return { program, partner, recruiter, link, code: link.code as string };
};

export const orderBody = (overrides: Row = {}) => ({
  data: {
    externalId: `ord_${unique()}`,
    amount: 10000,
    currency: 'USD',
    status: 'paid',
    customerEmail: `customer-${unique()}@shop.test`,
    customerExternalId: `cus_${unique()}`,
    ...overrides,
  },
});

/** An order's row id from its externalId, for `where: { orderId }` on the ledger. */
export const orderIdOf = async (strapi: Core.Strapi, externalId: string): Promise<number> => {
  const order = await strapi.db
    .query(uid('order'))
    .findOne({ where: { externalId }, select: ['id'] });
  if (!order) throw new Error(`No order ${externalId}`);
  return order.id;
};

/** The payout that owns each of these entries (their payout lines), by entry id. */
export const payoutIdsOf = async (strapi: Core.Strapi, entryIds: readonly number[]) => {
  const lines: Row[] = entryIds.length
    ? await strapi.db
        .query(uid('payout-line'))
        .findMany({ where: { commissionId: { $in: [...entryIds] } } })
    : [];
  return new Map(lines.map((line) => [Number(line.commissionId), Number(line.payoutId)]));
};

/**
 * Ledger entries matching `where` (plain columns: `partnerId`, `orderId`, ...), level then id,
 * each with its order's `orderExternalId` and its `payoutId` (from its payout line, null when in
 * no payout) looked up in one query each.
 */
export const commissionsOf = async (strapi: Core.Strapi, where: Row = {}): Promise<Row[]> => {
  const entries: Row[] = await strapi.db.query(uid('commission')).findMany({
    where,
    orderBy: [{ level: 'asc' }, { id: 'asc' }],
  });
  const orderIds = [...new Set(entries.map((entry) => entry.orderId).filter((id) => id != null))];
  const orders: Row[] = orderIds.length
    ? await strapi.db
        .query(uid('order'))
        .findMany({ where: { id: { $in: orderIds } }, select: ['id', 'externalId'] })
    : [];
  const externalIdOf = new Map(orders.map((order) => [order.id, order.externalId as string]));
  const payoutIdOf = await payoutIdsOf(
    strapi,
    entries.map((entry) => entry.id)
  );
  return entries.map((entry) => ({
    ...entry,
    orderExternalId: externalIdOf.get(entry.orderId) ?? null,
    payoutId: payoutIdOf.get(entry.id) ?? null,
  }));
};

export const count = (strapi: Core.Strapi, name: Parameters<typeof uid>[0], where: Row = {}) =>
  strapi.db.query(uid(name)).count({ where });
