import type { Core } from '@strapi/strapi';
import type {
  CommissionView,
  ExportCommissionsQuery,
  ListCommissionsQuery,
} from '../../../plugin/contracts/admin';
import { COMMISSION_EXPORT_COLUMNS } from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { moneyTransaction, tableOf } from '../database';
import { csvStream } from '../payouts/csv-exports';
import {
  NEWEST_FIRST,
  createdBetweenWhere,
  statusPartnerProgramWhere,
} from '../admin/list-filters';
import { partnerRef, programRef, iso } from '../admin/views';

const COMMISSION = uid('commission');
const PAGE = 2000;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The Query Engine filter for the list and the export: relations by documentId and slug. */
const whereOf = (query: ExportCommissionsQuery): Row => ({
  ...statusPartnerProgramWhere(query),
  ...(query.kind ? { kind: query.kind } : {}),
  ...(query.currency ? { currency: query.currency } : {}),
  ...createdBetweenWhere(query),
});

const populate = {
  partner: { select: ['documentId', 'name', 'email'] },
  program: { select: ['documentId', 'name', 'slug'] },
  order: { select: ['documentId', 'externalId'] },
};

const summaryOf = (explanation: unknown): string | null =>
  explanation && typeof explanation === 'object' && 'summary' in explanation
    ? String((explanation as { summary: unknown }).summary)
    : null;

const viewOf = (row: Row): CommissionView => ({
  documentId: row.documentId,
  partner: partnerRef(row.partner),
  program: programRef(row.program),
  order: row.order ? { documentId: row.order.documentId, externalId: row.order.externalId } : null,
  level: row.level,
  kind: row.kind,
  basisAmount: row.basisAmount,
  amount: row.amount,
  currency: row.currency,
  status: row.status,
  availableAt: iso(row.availableAt),
  approvedAt: iso(row.approvedAt),
  paidAt: iso(row.paidAt),
  explanation: summaryOf(row.explanation),
  note: row.note ?? null,
  createdAt: iso(row.createdAt) as string,
});

/**
 * Commission review in the admin (SPEC §9): the ledger with filters, bulk approve / reject of
 * pending entries, and the CSV export. Only `pending` entries ever change here: the bulk update
 * names the status in its WHERE, so an entry approved, paid or reversed meanwhile is skipped.
 */
const createCommissionReviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** One UPDATE … WHERE status = 'pending' AND document_id IN (…), in a transaction. */
  const settlePending = (documentIds: string[], changes: Row) =>
    moneyTransaction(strapi, async ({ trx }) => {
      const now = new Date();
      const updated = await trx(tableOf(strapi, COMMISSION))
        .where('status', 'pending')
        .whereIn('document_id', documentIds)
        .update({ ...changes, updated_at: now });
      return { updated: Number(updated), skipped: documentIds.length - Number(updated) };
    });

  return {
    async list(query: ListCommissionsQuery) {
      const { results, pagination } = await strapi.db.query(COMMISSION).findPage({
        where: whereOf(query),
        orderBy: NEWEST_FIRST,
        page: query.page,
        pageSize: query.pageSize,
        populate,
      });
      return { results: results.map(viewOf), pagination };
    },

    approve: (documentIds: string[]) =>
      settlePending(documentIds, { status: 'approved', approved_at: new Date() }),

    reject: (documentIds: string[], reason: string) =>
      settlePending(documentIds, { status: 'rejected', note: reason }),

    /** Every entry matching the filters, a page at a time (keyset on id): constant memory. */
    exportCsv(query: ExportCommissionsQuery) {
      const where = whereOf(query);
      async function* rows() {
        for (let afterId = 0; ;) {
          const page: Row[] = await strapi.db.query(COMMISSION).findMany({
            where: { ...where, id: { $gt: afterId } },
            orderBy: { id: 'asc' },
            limit: PAGE,
            populate,
          });
          if (page.length === 0) return;
          afterId = page[page.length - 1].id;
          for (const row of page) {
            yield [
              row.documentId,
              iso(row.createdAt),
              row.partner?.name ?? null,
              row.partner?.email ?? null,
              row.program?.slug ?? null,
              row.order?.externalId ?? null,
              row.level,
              row.kind,
              row.status,
              row.basisAmount,
              row.amount,
              row.currency,
              iso(row.availableAt),
              iso(row.approvedAt),
              iso(row.paidAt),
              summaryOf(row.explanation),
              row.note ?? null,
            ];
          }
        }
      }
      return csvStream(COMMISSION_EXPORT_COLUMNS, rows(), (error) =>
        strapi.log.error(`[partners] the commissions export stopped: ${error.message}`)
      );
    },
  };
};

export type CommissionReviewService = ReturnType<typeof createCommissionReviewService>;
export default createCommissionReviewService;
