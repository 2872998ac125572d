import type { Core } from '@strapi/strapi';
import type { MarkPayoutPaidRequest } from '../../plugin/contracts/payouts';
import { uid } from '../../plugin/model';
import { commissionsOf, orderBody, orderIdOf } from './fixtures';
import type { TestApp } from './strapi';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `POST /api/partners/orders` with the site's API token; expects the 201. */
export const postOrder = (app: TestApp, apiToken: string, body: object) =>
  app
    .request()
    .post('/api/partners/orders')
    .set('Authorization', `Bearer ${apiToken}`)
    .send(body)
    .expect(201);

/** Posts an order and answers its entries (level 1 first). */
export const postOrderEntries = async (
  app: TestApp,
  apiToken: string,
  body: ReturnType<typeof orderBody>
) => {
  await postOrder(app, apiToken, body);
  return commissionsOf(app.strapi, { orderId: await orderIdOf(app.strapi, body.data.externalId) });
};

/** Each entry as `[level, state, "signal:action,…"]`, for the fraud-signal tests. */
export const signalSummary = (entries: Row[]) =>
  entries.map((entry) => [
    entry.level,
    entry.state,
    (entry.signals ?? []).map((hit: Row) => `${hit.signal}:${hit.action}`).join(','),
  ]);

/**
 * Posts a paid order for a referral code (through `POST /api/partners/orders`, API token) and
 * runs the approval an hour after `paidAt`, so a program without hold has the entry approved.
 * Answers the order's externalId.
 */
export const earnApproved = async (
  app: TestApp,
  apiToken: string,
  code: string,
  amount: number,
  paidAt: string
) => {
  const body = orderBody({ referralCode: code, amount, paidAt });
  await postOrder(app, apiToken, body);
  await app.strapi
    .plugin('partners')
    .service('commissions')
    .approveDue(new Date(Date.parse(paidAt) + 3_600_000).toISOString());
  return body.data.externalId as string;
};

/** `POST /partners/payouts/:documentId/paid` as an admin. */
export const markPayoutPaid = (
  app: TestApp,
  adminToken: string,
  documentId: string,
  data: MarkPayoutPaidRequest['data']
) =>
  app
    .request()
    .post(`/partners/payouts/${documentId}/paid`)
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ data });

/**
 * The entries some payouts own (the commissions their payout lines name), by payout id, each
 * with its `payoutId`; read in two queries.
 */
export const entriesOfPayouts = async (
  strapi: Core.Strapi,
  payoutIds: readonly number[]
): Promise<Map<number, Row[]>> => {
  const lines: Row[] = payoutIds.length
    ? await strapi.db
        .query(uid('payout-line'))
        .findMany({ where: { payoutId: { $in: [...payoutIds] } } })
    : [];
  const payoutOf = new Map(lines.map((line) => [Number(line.commissionId), Number(line.payoutId)]));
  const entries: Row[] = lines.length
    ? await strapi.db.query(uid('commission')).findMany({
        where: { id: { $in: [...payoutOf.keys()] } },
        orderBy: { id: 'asc' },
        select: ['id', 'kind', 'amount', 'state'],
      })
    : [];
  return new Map(
    payoutIds.map((payoutId) => [
      payoutId,
      entries
        .map((entry) => ({ ...entry, payoutId: payoutOf.get(Number(entry.id)) }))
        .filter((entry) => entry.payoutId === payoutId),
    ])
  );
};

/** A partner's payouts, oldest first, each with the entries it pays as `commissions`. */
export const payoutsOf = async (strapi: Core.Strapi, partnerId: number): Promise<Row[]> => {
  const payouts: Row[] = await strapi.db
    .query(uid('payout'))
    .findMany({ where: { partnerId }, orderBy: { id: 'asc' } });
  const owned = await entriesOfPayouts(
    strapi,
    payouts.map((payout) => Number(payout.id))
  );
  return payouts.map((payout) => ({ ...payout, commissions: owned.get(Number(payout.id)) }));
};
