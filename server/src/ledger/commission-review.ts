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
import type { RawRow } from '../platform/rows';
import { toCommissionRecord, type CommissionRecord } from './commission-record';

const COMMISSION = uid('commission');
const PAGE = 2000;

/** What the list and the export show of an entry's partner, program and order. */
const REFERENCES = {
  partner: ['documentId', 'name', 'email'],
  program: ['documentId', 'name', 'slug'],
  order: ['documentId', 'externalId'],
} as const;

type Kind = keyof typeof REFERENCES;

/** A reference as `withReferences` answers it: the text fields of `REFERENCES`. */
type Reference<K extends Kind> = { [field in (typeof REFERENCES)[K][number]]: string };

const summaryOf = (explanation: unknown): string | null =>
  explanation && typeof explanation === 'object' && 'summary' in explanation
    ? String((explanation as { summary: unknown }).summary)
    : null;

/** An entry of the list or the export, with its partner, program and order. */
interface ReviewedEntry {
  entry: CommissionRecord;
  signals: CommissionView['signals'];
  partner: Reference<'partner'> | null;
  program: Reference<'program'> | null;
  order: Reference<'order'> | null;
}

/** A commission row as `withReferences` answers it. */
type JoinedRow = RawRow & { [kind in Kind]?: RawRow | null };

const referenceOf = <K extends Kind>(kind: K, row: RawRow | null | undefined) =>
  row
    ? (Object.fromEntries(REFERENCES[kind].map((field) => [field, row[field]])) as Reference<K>)
    : null;

const toReviewedEntry = ({ partner, program, order, ...row }: JoinedRow): ReviewedEntry => ({
  entry: toCommissionRecord(row),
  signals: Array.isArray(row.signals) ? (row.signals as CommissionView['signals']) : [],
  partner: referenceOf('partner', partner),
  program: referenceOf('program', program),
  order: referenceOf('order', order),
});

const viewOf = ({ entry, signals, partner, program, order }: ReviewedEntry): CommissionView => ({
  documentId: entry.documentId,
  partner: partner ? { documentId: partner.documentId, name: partner.name } : null,
  program,
  order,
  level: entry.level,
  kind: entry.kind,
  basisAmount: entry.basisAmount,
  amount: entry.amount,
  currency: entry.currency,
  status: entry.state,
  availableAt: entry.availableAt,
  approvedAt: entry.approvedAt,
  paidAt: entry.paidAt,
  explanation: summaryOf(entry.explanation),
  note: entry.note,
  signals,
  createdAt: entry.createdAt as string,
});

/**
 * Commission review in the admin (SPEC §9–§10): the ledger with filters, bulk approve / reject
 * of pending entries, release / reject of held ones, and the CSV export. Each update names the
 * states it moves from in its WHERE, so an entry that moved meanwhile is skipped.
 * Level-2 entries follow their source (SPEC §5.7, plugin/commissions/plan-commission-review.ts).
 */
const createCommissionReviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The Query Engine filter for the list and the export (partner and program as ids). */
  const whereOf = async (query: ExportCommissionsQuery) => ({
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
      const joined = await withReferences(strapi, results as RawRow[], REFERENCES);
      return { results: joined.map((row) => viewOf(toReviewedEntry(row))), pagination };
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
        for (let last: RawRow | undefined; ;) {
          const found: RawRow[] = await strapi.db.query(COMMISSION).findMany({
            where: { $and: [where, keyset.after(last)] },
            orderBy: keyset.orderBy,
            limit: PAGE,
          });
          const page = await withReferences(strapi, found, REFERENCES);
          if (page.length === 0) return;
          last = found[found.length - 1];
          for (const { entry, partner, program, order } of page.map(toReviewedEntry)) {
            yield [
              entry.documentId,
              entry.createdAt,
              partner?.name ?? null,
              partner?.email ?? null,
              program?.slug ?? null,
              order?.externalId ?? null,
              entry.level,
              entry.kind,
              entry.state,
              entry.basisAmount,
              entry.amount,
              entry.currency,
              entry.availableAt,
              entry.approvedAt,
              entry.paidAt,
              summaryOf(entry.explanation),
              entry.note,
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
