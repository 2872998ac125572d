import type { Core } from '@strapi/strapi';
import type {
  CommissionView,
  ExportCommissionsQuery,
  ListCommissionsQuery,
} from '../../../plugin/contracts/admin';
import { COMMISSION_EXPORT_COLUMNS } from '../../../plugin/contracts/admin';
import type { ReviewDecision } from '../../../plugin/commissions';
import { uid } from '../../../plugin/model';
import { moneyTransaction } from '../platform/database';
import { createLedgerRepository } from './ledger-repository';
import { decideEntries } from './review-entries';
import { csvStream } from '../payouts/csv-exports';
import {
  NEWEST_FIRST,
  createdBetweenWhere,
  descendingKeyset,
  statusPartnerProgramIdsWhere,
} from '../platform/list-filters';
import { withReferences } from '../platform/references';
import { partnerRef } from '../partners/partner-ref';
import { iso } from '../platform/rows';
import { programRef } from '../programs/program-ref';

const COMMISSION = uid('commission');
const PAGE = 2000;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What the list and the export show of an entry's partner, program and order. */
const REFERENCES = {
  partner: ['documentId', 'name', 'email'],
  program: ['documentId', 'name', 'slug'],
  order: ['documentId', 'externalId'],
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
  status: row.state,
  availableAt: iso(row.availableAt),
  approvedAt: iso(row.approvedAt),
  paidAt: iso(row.paidAt),
  explanation: summaryOf(row.explanation),
  note: row.note ?? null,
  signals: Array.isArray(row.signals) ? row.signals : [],
  createdAt: iso(row.createdAt) as string,
});

/**
 * Commission review in the admin (SPEC §9–§10): the ledger with filters, bulk approve / reject
 * of pending entries, release / reject of held ones, and the CSV export. Each update names the
 * states it moves from in its WHERE, so an entry that moved meanwhile is skipped.
 * Level-2 entries follow their source (SPEC §5.7, plugin/commissions/plan-commission-review.ts).
 */
const createCommissionReviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The Query Engine filter for the list and the export (partner and program as ids). */
  const whereOf = async (query: ExportCommissionsQuery): Promise<Row> => ({
    ...(await statusPartnerProgramIdsWhere(strapi, query)),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.currency ? { currency: query.currency } : {}),
    ...createdBetweenWhere(query),
  });

  const repository = createLedgerRepository(strapi);

  /** `updated` counts the followers carried along too; `skipped`, the ids asked for that stay. */
  const settlePending = (
    decision: ReviewDecision,
    documentIds: string[],
    change: Parameters<typeof repository.decidePending>[1]
  ) =>
    moneyTransaction(strapi, async () => {
      const { selected, carried } = await decideEntries(
        strapi,
        repository,
        decision,
        { documentId: { $in: documentIds } },
        change
      );
      return { updated: selected + carried, skipped: documentIds.length - selected };
    });

  return {
    async list(query: ListCommissionsQuery) {
      const { results, pagination } = await strapi.db.query(COMMISSION).findPage({
        where: await whereOf(query),
        orderBy: NEWEST_FIRST,
        page: query.page,
        pageSize: query.pageSize,
      });
      const joined = await withReferences(strapi, results, REFERENCES);
      return { results: joined.map(viewOf), pagination };
    },

    approve: (documentIds: string[]) =>
      settlePending('approve', documentIds, { state: 'approved', approvedAt: new Date() }),

    reject: (documentIds: string[], reason: string) =>
      settlePending('reject', documentIds, { state: 'rejected', note: reason }),

    /** Held entries (and the level-2 entries that follow them) go back to `pending`. */
    release: (documentIds: string[]) => settlePending('release', documentIds, { state: 'pending' }),

    /**
     * Every entry matching the filters, newest first as the list shows them, a page at a time
     * (keyset on createdAt and id): constant memory.
     */
    exportCsv(query: ExportCommissionsQuery) {
      const filter = whereOf(query);
      const keyset = descendingKeyset();
      async function* rows() {
        const where = await filter;
        for (let last: Row | undefined; ;) {
          const found: Row[] = await strapi.db.query(COMMISSION).findMany({
            where: { $and: [where, keyset.after(last)] },
            orderBy: keyset.orderBy,
            limit: PAGE,
          });
          const page = await withReferences(strapi, found, REFERENCES);
          if (page.length === 0) return;
          last = found[found.length - 1];
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
              row.state,
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
