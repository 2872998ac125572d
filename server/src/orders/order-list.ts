import type { Core } from '@strapi/strapi';
import type { ListOrdersQuery, OrderView } from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import {
  NEWEST_FIRST,
  createdBetweenWhere,
  statusPartnerProgramWhere,
} from '../platform/list-filters';
import { PARTNER_REF, partnerRef } from '../partners/partner-ref';
import { iso } from '../platform/rows';
import { PROGRAM_REF, programRef } from '../programs/program-ref';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The orders page of the admin: every order the plugin knows, newest first, with filters. */
const createOrderListService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(query: ListOrdersQuery) {
    const { results, pagination } = await strapi.db.query(uid('order')).findPage({
      where: { ...statusPartnerProgramWhere(query), ...createdBetweenWhere(query) },
      orderBy: NEWEST_FIRST,
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
        status: row.state,
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
