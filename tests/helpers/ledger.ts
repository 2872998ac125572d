import type { MarkPayoutPaidRequest } from '../../plugin/contracts/payouts';
import { orderBody } from './fixtures';
import type { TestApp } from './strapi';

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
  await app
    .request()
    .post('/api/partners/orders')
    .set('Authorization', `Bearer ${apiToken}`)
    .send(body)
    .expect(201);
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
