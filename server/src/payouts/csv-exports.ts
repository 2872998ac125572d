import { pipeline, Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { stringify } from 'csv-stringify';
import type {
  ExportPayoutEntriesQuery,
  ExportPayoutsQuery,
  ExportPaypalQuery,
} from '../../../plugin/contracts/payouts';
import { toDecimalString } from '../../../plugin/currency';
import {
  uid,
  type CommissionKind,
  type CommissionStatus,
  type PayoutStatus,
} from '../../../plugin/model';
import { escapeCsvCell, payoutPeriod } from '../../../plugin/payouts';
import { tableOf } from '../platform/database';
import { iso, rowsById, type RawRow } from '../platform/rows';
import { toPayoutRecord, type PayoutRecord } from './payout-record';
import { periodOf } from './payout-view';
import { descendingKeyset } from '../platform/list-filters';

const COMMISSION = uid('commission');
const ORDER = uid('order');
const PAYOUT = uid('payout');
const PAYOUT_LINE = uid('payout-line');
const PAGE = 2000;
/** Payouts whose entries are read per query (a payout holds a month of one partner's entries). */
const PAYOUTS_PER_PAGE = 100;

type Cell = string | number | null;

/**
 * Streams rows through csv-stringify: every text cell is escaped against formula injection, and
 * rows are read a page at a time (keyset on `id`), so an export of any size runs in constant
 * memory and starts sending at once.
 */
export const csvStream = (
  columns: readonly string[] | null,
  rows: AsyncIterable<Cell[]>,
  onError: (error: Error) => void
): Readable =>
  pipeline(
    Readable.from(rows),
    stringify({
      header: columns !== null,
      columns: columns ? [...columns] : undefined,
      cast: { string: escapeCsvCell },
    }),
    (error) => error && onError(error)
  );

/** The payouts of a period, a status and a currency, when given. */
export const payoutWhere = (query: { period?: string; status?: string; currency?: string }) => ({
  ...(query.period ? { periodStart: payoutPeriod(query.period).firstDay } : {}),
  ...(query.status ? { state: query.status } : {}),
  ...(query.currency ? { currency: query.currency } : {}),
});

/** Who a payout pays, as the exports print it. */
interface PayeeRecord {
  name: string | null;
  email: string | null;
}

/** The partners of a page of payouts (their plain `partnerId`), in one query. */
const payeesOf = (strapi: Core.Strapi, payouts: ReadonlyArray<Pick<PayoutRecord, 'partnerId'>>) =>
  rowsById(
    strapi,
    uid('partner'),
    payouts.map((payout) => payout.partnerId),
    ['name', 'email'],
    (row): PayeeRecord => ({
      name: (row.name as string | null) ?? null,
      email: (row.email as string | null) ?? null,
    })
  );

/** Pages of payouts, each with its payee, latest period first as the Payouts screen lists them. */
async function* payoutPages(strapi: Core.Strapi, where: ReturnType<typeof payoutWhere>) {
  const keyset = descendingKeyset('periodStart');
  for (let last: PayoutRecord | undefined; ;) {
    const rows: RawRow[] = await strapi.db.query(PAYOUT).findMany({
      where: {
        $and: [where, keyset.after(last && { periodStart: last.periodStart, id: last.id })],
      },
      orderBy: keyset.orderBy,
      limit: PAGE,
    });
    if (rows.length === 0) return;
    const payouts = rows.map(toPayoutRecord);
    const payees = await payeesOf(strapi, payouts);
    for (const payout of payouts) yield { payout, payee: payees.get(payout.partnerId) ?? null };
    last = payouts[payouts.length - 1];
  }
}

/** `explanation.summary` read by the database: the whole rule trace never leaves it. */
const summaryOf = (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  switch (strapi.db.dialect.client) {
    case 'postgres':
      return knex.raw(`??->>'summary'`, ['c.explanation']);
    case 'mysql':
      return knex.raw(`JSON_UNQUOTE(JSON_EXTRACT(??, '$.summary'))`, ['c.explanation']);
    default:
      return knex.raw(`json_extract(??, '$.summary')`, ['c.explanation']);
  }
};

const logTo = (strapi: Core.Strapi, name: string) => (error: Error) =>
  strapi.log.error(`[partners] the ${name} export stopped: ${error.message}`);

/** One row per payout. */
export const payoutsCsv = (strapi: Core.Strapi, query: ExportPayoutsQuery) => {
  async function* rows() {
    for await (const { payout, payee } of payoutPages(strapi, payoutWhere(query))) {
      yield [
        payout.documentId,
        payee?.name ?? null,
        payee?.email ?? null,
        payout.currency,
        payout.amount,
        toDecimalString(payout.amount, payout.currency),
        payout.periodStart,
        payout.periodEnd,
        payout.state,
        payout.method?.type ?? null,
        payout.reference,
        payout.paidAt,
        payout.failureReason,
        payout.idempotencyKey,
      ];
    }
  }
  const columns = [
    'payout',
    'partner',
    'email',
    'currency',
    'amount_minor',
    'amount',
    'period_start',
    'period_end',
    'status',
    'method',
    'reference',
    'paid_at',
    'failure_reason',
    'idempotency_key',
  ];
  return csvStream(columns, rows(), logTo(strapi, 'payouts'));
};

/**
 * PayPal Payouts' upload format: no header; recipient e-mail, amount in major units, currency,
 * a customer ID (the payout's documentId: unique, ≤ 30 characters, no spaces), a note, and the
 * wallet. One currency per file, up to 5,000 rows per upload. Only payouts whose method is PayPal.
 */
export const paypalCsv = (strapi: Core.Strapi, query: ExportPaypalQuery) => {
  async function* rows() {
    for await (const { payout } of payoutPages(strapi, payoutWhere(query))) {
      if (payout.method?.type !== 'paypal' || !payout.method.email) continue;
      yield [
        payout.method.email,
        toDecimalString(payout.amount, payout.currency),
        payout.currency,
        payout.documentId,
        `Partner commissions ${periodOf(payout)}`,
        'PAYPAL',
      ];
    }
  }
  return csvStream(null, rows(), logTo(strapi, 'PayPal'));
};

/** A payout of the entries export, as `PAYOUT_OF_ENTRIES` selects it. */
type ExportedPayout = Pick<PayoutRecord, 'id' | 'documentId' | 'state' | 'partnerId'>;
const PAYOUT_OF_ENTRIES = ['id', 'documentId', 'state', 'partnerId'];
const toExportedPayout = (row: RawRow): ExportedPayout => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  state: row.state as PayoutStatus,
  partnerId: Number(row.partnerId),
});

/** An entry of a payout, as the entries export joins it to its payout line and order. */
interface ExportedEntry {
  payoutId: number;
  /** The entry's documentId. */
  entry: string;
  kind: CommissionKind;
  level: number;
  amount: number;
  currency: string;
  state: CommissionStatus;
  approvedAt: string | null;
  summary: string | null;
  /** The order's external id. */
  order: string | null;
}

const toExportedEntry = (row: RawRow): ExportedEntry => ({
  payoutId: Number(row.payoutId),
  entry: String(row.entry),
  kind: row.kind as CommissionKind,
  level: Number(row.level),
  amount: Number(row.amount),
  currency: String(row.currency),
  state: row.state as CommissionStatus,
  approvedAt: iso(row.approvedAt),
  summary: (row.summary as string | null | undefined) ?? null,
  order: (row.order as string | null | undefined) ?? null,
});

/**
 * Every ledger entry in a period's payouts: the detail behind each payout. Walks the period's
 * payouts a page at a time and reads their entries through their payout lines (the
 * `(payout_id, commission_id)` index), so each query touches only the rows it returns.
 */
export const entriesCsv = (strapi: Core.Strapi, query: ExportPayoutEntriesQuery) => {
  const knex = strapi.db.connection;
  const entriesOf = async (payoutIds: number[]) => {
    const rows: RawRow[] = await knex(`${tableOf(strapi, PAYOUT_LINE)} as l`)
      .join(`${tableOf(strapi, COMMISSION)} as c`, 'c.id', 'l.commission_id')
      .leftJoin(`${tableOf(strapi, ORDER)} as o`, 'o.id', 'c.order_id')
      .whereIn('l.payout_id', payoutIds)
      .orderBy([
        { column: 'l.payout_id', order: 'desc' },
        { column: 'c.created_at', order: 'desc' },
        { column: 'c.id', order: 'desc' },
      ])
      .select({
        payoutId: 'l.payout_id',
        entry: 'c.document_id',
        kind: 'c.kind',
        level: 'c.level',
        amount: 'c.amount',
        currency: 'c.currency',
        state: 'c.state',
        approvedAt: 'c.approved_at',
        summary: summaryOf(strapi),
        order: 'o.external_id',
      });
    return rows.map(toExportedEntry);
  };
  async function* rows() {
    const where = payoutWhere({ period: query.period });
    // One period: its payouts newest first, each payout's entries newest first.
    // The first page has no bound: PostgreSQL refuses ids beyond its integer range.
    for (let beforeId: number | undefined; ;) {
      const found: RawRow[] = await strapi.db.query(PAYOUT).findMany({
        where: beforeId === undefined ? where : { ...where, id: { $lt: beforeId } },
        orderBy: { id: 'desc' },
        limit: PAYOUTS_PER_PAGE,
        select: PAYOUT_OF_ENTRIES,
      });
      if (found.length === 0) return;
      const payouts = found.map(toExportedPayout);
      beforeId = payouts[payouts.length - 1].id;
      const payees = await payeesOf(strapi, payouts);
      const byId = new Map(payouts.map((payout) => [payout.id, payout]));
      for (const entry of await entriesOf([...byId.keys()])) {
        const payout = byId.get(entry.payoutId) as ExportedPayout;
        const payee = payees.get(payout.partnerId);
        yield [
          payout.documentId,
          payout.state,
          payee?.name ?? null,
          payee?.email ?? null,
          entry.entry,
          entry.kind,
          entry.level,
          entry.amount,
          toDecimalString(entry.amount, entry.currency),
          entry.currency,
          entry.state,
          entry.approvedAt,
          entry.order,
          entry.summary,
        ];
      }
    }
  }
  const columns = [
    'payout',
    'payout_status',
    'partner',
    'email',
    'entry',
    'kind',
    'level',
    'amount_minor',
    'amount',
    'currency',
    'status',
    'approved_at',
    'order',
    'summary',
  ];
  return csvStream(columns, rows(), logTo(strapi, 'payout entries'));
};
