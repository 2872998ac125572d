import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  documentIdSchema,
  exportPayoutEntriesQuerySchema,
  exportPayoutsQuerySchema,
  exportPaypalQuerySchema,
  listPayoutsQuerySchema,
  markPayoutFailedRequestSchema,
  markPayoutPaidRequestSchema,
  runPayoutsRequestSchema,
} from '../../../../plugin/contracts/payouts';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';

/** Sends a CSV export as a download. */
export const sendCsv = (ctx: Context, filename: string, body: NodeJS.ReadableStream) => {
  ctx.type = 'text/csv; charset=utf-8';
  ctx.attachment(filename);
  ctx.body = body;
};

/** Admin routes for payouts (`/partners/payouts/*`, permission `plugin::partners.payouts.manage`). */
const createPayoutsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const payouts = () => getService('payouts', { strapi });
  const documentId = (ctx: Context) => parseInput(documentIdSchema, ctx.params.documentId);

  return {
    /** `POST /payouts/run` `{ data: { period } }` */
    async run(ctx: Context) {
      const { data } = parseInput(runPayoutsRequestSchema, ctx.request.body);
      ctx.body = { data: await payouts().run(data.period) };
    },

    /** `GET /payouts?period=&status=&currency=&partner=&page=&pageSize=` */
    async list(ctx: Context) {
      const { results, pagination } = await payouts().list(
        parseInput(listPayoutsQuerySchema, ctx.query)
      );
      ctx.body = { data: results, meta: { pagination } };
    },

    /** `GET /payouts/:documentId`: the payout and its entries. */
    async findOne(ctx: Context) {
      ctx.body = { data: await payouts().view(documentId(ctx)) };
    },

    /** `POST /payouts/:documentId/paid` `{ data: { reference } }` */
    async markPaid(ctx: Context) {
      const id = documentId(ctx);
      const { data } = parseInput(markPayoutPaidRequestSchema, ctx.request.body);
      const paidAt = data.paidAt ? new Date(data.paidAt) : undefined;
      ctx.body = { data: await payouts().markPaid(id, data.reference, paidAt) };
    },

    /** `POST /payouts/:documentId/failed` `{ data: { reason } }` */
    async markFailed(ctx: Context) {
      const id = documentId(ctx);
      const { data } = parseInput(markPayoutFailedRequestSchema, ctx.request.body);
      ctx.body = { data: await payouts().markFailed(id, data.reason) };
    },

    /** `POST /payouts/:documentId/send`: a Stripe Connect transfer or account credit. */
    async send(ctx: Context) {
      ctx.body = { data: await payouts().send(documentId(ctx)) };
    },

    /** `GET /payouts/export?period=&status=&currency=` */
    async exportCsv(ctx: Context) {
      const query = parseInput(exportPayoutsQuerySchema, ctx.query);
      sendCsv(
        ctx,
        `payouts${query.period ? `-${query.period}` : ''}.csv`,
        payouts().exportCsv(query)
      );
    },

    /** `GET /payouts/export/paypal?currency=&period=&status=` */
    async exportPaypal(ctx: Context) {
      const query = parseInput(exportPaypalQuerySchema, ctx.query);
      const name = `paypal-payouts-${query.currency}${query.period ? `-${query.period}` : ''}.csv`;
      sendCsv(ctx, name, payouts().exportPaypal(query));
    },

    /** `GET /payouts/export/entries?period=` */
    async exportEntries(ctx: Context) {
      const query = parseInput(exportPayoutEntriesQuerySchema, ctx.query);
      sendCsv(ctx, `payout-entries-${query.period}.csv`, payouts().exportEntries(query));
    },
  };
};

export default createPayoutsController;
