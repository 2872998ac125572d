import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { StatementQuery } from '../../../plugin/contracts/payouts';
import { toDecimalString } from '../../../plugin/currency';
import { uid, type PayoutStatus } from '../../../plugin/model';
import {
  computeStatement,
  payoutPeriod,
  type Statement,
  type StatementEntryRow,
  type StatementPayoutRow,
} from '../../../plugin/payouts';
import type { CommissionRecord } from '../ledger/commission-record';
import { tableOf } from '../platform/database';
import { getPluginConfig } from '../platform/plugin-context';
import { iso, type RawRow } from '../platform/rows';
import { csvStream } from './csv-exports';
import { renderStatementPdf, type StatementHeader } from './statement-pdf';

const COMMISSION = uid('commission');
const PARTNER = uid('partner');
const PAYOUT = uid('payout');

/** Whom a statement is made out to, as its header prints them. */
export interface StatementAddressee {
  name: string;
  email: string | null;
  company: string | null;
}

/** A partner row selected with `name`, `email` and `company`. */
export const toStatementAddressee = (row: RawRow): StatementAddressee => ({
  name: String(row.name),
  email: (row.email as string | null | undefined) ?? null,
  company: (row.company as string | null | undefined) ?? null,
});

/** The partner a statement is made out to, as `STATEMENT_PARTNER` selects it. */
export interface StatementPartner extends StatementAddressee {
  id: number;
  documentId: string;
}
export const STATEMENT_PARTNER = ['id', 'documentId', 'name', 'email', 'company'];
export const toStatementPartner = (row: RawRow): StatementPartner => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  ...toStatementAddressee(row),
});

/** The approved entries a statement counts, as `compute` selects them. */
const toStatementEntry = (row: RawRow): StatementEntryRow => {
  const explanation = row.explanation as CommissionRecord['explanation'];
  return {
    id: String(row.documentId),
    amount: Number(row.amount),
    currency: String(row.currency),
    kind: row.kind as CommissionRecord['kind'],
    state: row.state as CommissionRecord['state'],
    approvedAt: iso(row.approvedAt),
    reversedAt: iso(row.reversedAt),
    summary: explanation?.summary ?? null,
  };
};

/** The paid payouts a statement counts, as `compute` selects them; ids are documentIds. */
const toStatementPayout = (row: RawRow): StatementPayoutRow => ({
  id: String(row.documentId),
  amount: Number(row.amount),
  currency: String(row.currency),
  state: row.state as PayoutStatus,
  paidAt: iso(row.paidAt),
  reference: (row.reference as string | null | undefined) ?? null,
});

/**
 * Monthly partner statements (SPEC §8, §10): the numbers come from `computeStatement` in
 * plugin/, fed with the partner's approved entries and paid payouts; this service reads the rows
 * and renders them as JSON, CSV and PDF. Ids in statements are documentIds.
 */
const createStatementsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const partnerByDocumentId = async (documentId: string) => {
    const partner: RawRow | null = await strapi.db.query(PARTNER).findOne({
      where: { documentId },
      select: STATEMENT_PARTNER,
    });
    if (!partner) throw new errors.NotFoundError(`No partner "${documentId}"`);
    return toStatementPartner(partner);
  };

  /** The statement of one partner (by id), currency and month. */
  const compute = async (partnerId: number, currency: string, month: string) => {
    const { endsAt } = payoutPeriod(month);
    const entries: RawRow[] = await strapi.db.query(COMMISSION).findMany({
      where: { partnerId, currency, approvedAt: { $notNull: true, $lt: endsAt } },
      select: [
        'documentId',
        'amount',
        'currency',
        'kind',
        'state',
        'approvedAt',
        'reversedAt',
        'explanation',
      ],
      orderBy: { id: 'asc' },
    });
    const payouts: RawRow[] = await strapi.db.query(PAYOUT).findMany({
      where: { partnerId, currency, state: 'paid', paidAt: { $lt: endsAt } },
      select: ['documentId', 'amount', 'currency', 'state', 'paidAt', 'reference'],
    });
    return computeStatement({
      month,
      currency,
      entries: entries.map(toStatementEntry),
      payouts: payouts.map(toStatementPayout),
    });
  };

  const header = (partner: StatementAddressee): StatementHeader => ({
    partnerName: partner.name,
    partnerEmail: partner.email,
    company: partner.company,
    issuer: getPluginConfig({ strapi }).portal.title,
  });

  const csvRows = async function* (statement: Statement) {
    const money = (amount: number) => [amount, toDecimalString(amount, statement.currency)];
    yield [
      'opening',
      statement.startsAt,
      null,
      'Opening balance',
      ...money(statement.openingBalance),
      null,
    ];
    const movements = [
      ...statement.lines.map((line) => ({
        at: line.at,
        cells: [
          line.type,
          line.at,
          line.kind,
          line.summary,
          ...money(line.amount),
          String(line.entryId),
        ],
      })),
      ...statement.payouts.map((payout) => ({
        at: payout.at,
        cells: [
          'payout',
          payout.at,
          null,
          `Payout ${payout.reference ?? ''}`.trim(),
          ...money(-payout.amount),
          String(payout.payoutId),
        ],
      })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    for (const movement of movements) yield movement.cells;
    yield [
      'closing',
      statement.endsAt,
      null,
      'Closing balance',
      ...money(statement.closingBalance),
      null,
    ];
  };

  return {
    compute,
    header,

    async statement(query: StatementQuery) {
      const partner = await partnerByDocumentId(query.partner);
      const statement = await compute(partner.id, query.currency, query.month);
      return { partner: { documentId: partner.documentId, name: partner.name }, statement };
    },

    async csv(query: StatementQuery) {
      const partner = await partnerByDocumentId(query.partner);
      const statement = await compute(partner.id, query.currency, query.month);
      return csvStream(
        ['type', 'date', 'kind', 'description', 'amount_minor', 'amount', 'reference'],
        csvRows(statement),
        (error) => strapi.log.error(`[partners] the statement export stopped: ${error.message}`)
      );
    },

    async pdf(query: StatementQuery) {
      const partner = await partnerByDocumentId(query.partner);
      return renderStatementPdf(
        await compute(partner.id, query.currency, query.month),
        header(partner)
      );
    },

    /**
     * Partner and currency pairs with something on their statement for `month`: an entry
     * approved or reversed, or a payout paid. They get the monthly statement e-mail.
     */
    async withActivity(month: string) {
      const { startsAt, endsAt } = payoutPeriod(month);
      const range = [new Date(startsAt), new Date(endsAt)] as const;
      const knex = strapi.db.connection;
      const entries: RawRow[] = await knex(`${tableOf(strapi, COMMISSION)} as c`)
        .whereNotNull('c.approved_at')
        .where((query) =>
          query
            .where((q) =>
              q.where('c.approved_at', '>=', range[0]).where('c.approved_at', '<', range[1])
            )
            .orWhere((q) =>
              q.where('c.reversed_at', '>=', range[0]).where('c.reversed_at', '<', range[1])
            )
        )
        .distinct({ partnerId: 'c.partner_id', currency: 'c.currency' });
      const payouts: RawRow[] = await knex(`${tableOf(strapi, PAYOUT)} as p`)
        .where('p.state', 'paid')
        .where('p.paid_at', '>=', range[0])
        .where('p.paid_at', '<', range[1])
        .distinct({ partnerId: 'p.partner_id', currency: 'p.currency' });
      const pairs = new Map<string, { partnerId: number; currency: string }>();
      for (const row of [...entries, ...payouts]) {
        const pair = { partnerId: Number(row.partnerId), currency: String(row.currency) };
        pairs.set(`${pair.partnerId}:${pair.currency}`, pair);
      }
      return [...pairs.values()].sort(
        (a, b) => a.partnerId - b.partnerId || a.currency.localeCompare(b.currency)
      );
    },
  };
};

export type StatementsService = ReturnType<typeof createStatementsService>;
export default createStatementsService;
