import type { Core } from '@strapi/strapi';
import type { ListOrdersQuery, OrderView } from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { PARTNER_REF, PROGRAM_REF, iso, partnerRef, programRef } from '../admin/views';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const DAY_MS = 24 * 3600 * 1000;

/** The orders page of the admin: every order the plugin knows, newest first, with filters. */
const createOrderListService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(query: ListOrdersQuery) {
    const { results, pagination } = await strapi.db.query(uid('order')).findPage({
      where: {
        ...(query.status ? { status: query.status } : {}),
        ...(query.partner ? { partner: { documentId: query.partner } } : {}),
        ...(query.program ? { program: { slug: query.program } } : {}),
        ...(query.from || query.to
          ? {
              createdAt: {
                ...(query.from ? { $gte: new Date(`${query.from}T00:00:00Z`) } : {}),
                ...(query.to
                  ? { $lt: new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) }
                  : {}),
              },
            }
          : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      page: query.page,
      pageSize: query.pageSize,
      populate: { partner: PARTNER_REF, program: PROGRAM_REF },
    });
    return {
      results: results.map((row: Row): OrderView => ({
        documentId: row.documentId,
        externalId: row.externalId,
        partner: partnerRef(row.partner),
        program: programRef(row.program),
        customerEmail: row.customerEmail ?? null,
        customerName: row.customerName ?? null,
        amount: row.amount,
        currency: row.currency,
        refundedAmount: row.refundedAmount ?? 0,
        status: row.status,
        paidAt: iso(row.paidAt),
        source: row.source,
        ineligibleReason: row.ineligibleReason ?? null,
        createdAt: iso(row.createdAt) as string,
      })),
      pagination,
    };
  },
});

export type OrderListService = ReturnType<typeof createOrderListService>;
export default createOrderListService;
