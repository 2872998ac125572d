import type { Core } from '@strapi/strapi';
import type {
  ListOrdersQuery,
  OrderView,
  PartnerRef,
  ProgramRef,
} from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { orderEarns } from '../../../plugin/orders';
import {
  NEWEST_FIRST,
  createdBetweenWhere,
  statusPartnerProgramIdsWhere,
} from '../platform/list-filters';
import { partnerRefsById } from '../partners/partner-ref';
import { idOrNull, iso, type RawRow } from '../platform/rows';
import { programRefsById } from '../programs/program-ref';

/** An order row as the list reads it: its partner and program as plain ids. */
type ListedOrder = Omit<OrderView, 'partner' | 'program'> & {
  partnerId: number | null;
  programId: number | null;
};

const toListedOrder = (row: RawRow): ListedOrder => ({
  documentId: String(row.documentId),
  externalId: String(row.externalId),
  partnerId: idOrNull(row.partnerId),
  programId: idOrNull(row.programId),
  customerEmail: (row.customerEmail as string | null) ?? null,
  customerName: (row.customerName as string | null) ?? null,
  amount: Number(row.amount),
  currency: String(row.currency),
  refundedAmount: Number(row.refundedAmount ?? 0),
  status: row.state as OrderView['status'],
  paidAt: iso(row.paidAt),
  source: String(row.source),
  ineligibleReason: (row.ineligibleReason as string | null) ?? null,
  earns: orderEarns({
    state: String(row.state),
    amount: Number(row.amount),
    refundedAmount: Number(row.refundedAmount ?? 0),
    hasPartner: idOrNull(row.partnerId) !== null,
    ineligibleReason: (row.ineligibleReason as string | null) ?? null,
  }),
  createdAt: iso(row.createdAt) as string,
});

/** The answer's shape, keys in the order the list has always sent them. */
const toOrderView = (
  { documentId, externalId, partnerId: _partnerId, programId: _programId, ...order }: ListedOrder,
  partner: PartnerRef | null,
  program: ProgramRef | null
): OrderView => ({ documentId, externalId, partner, program, ...order });

/** The orders page of the admin: every order the plugin knows, newest first, with filters. */
const createOrderListService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(query: ListOrdersQuery) {
    const { results, pagination } = await strapi.db.query(uid('order')).findPage({
      where: {
        ...(await statusPartnerProgramIdsWhere(strapi, query)),
        ...createdBetweenWhere(query),
      },
      orderBy: NEWEST_FIRST,
      page: query.page,
      pageSize: query.pageSize,
    });
    const orders = (results as RawRow[]).map(toListedOrder);
    const partners = await partnerRefsById(
      strapi,
      orders.map((order) => order.partnerId)
    );
    const programs = await programRefsById(
      strapi,
      orders.map((order) => order.programId)
    );
    return {
      results: orders.map((order) =>
        toOrderView(
          order,
          partners.get(order.partnerId ?? 0) ?? null,
          programs.get(order.programId ?? 0) ?? null
        )
      ),
      pagination,
    };
  },
});

export type OrderListService = ReturnType<typeof createOrderListService>;
export default createOrderListService;
