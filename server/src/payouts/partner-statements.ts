import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { StatementResponse } from '../../../plugin/contracts/portal';
import { toDecimalString } from '../../../plugin/currency';
import { uid } from '../../../plugin/model';
import { payoutPeriod, type Statement } from '../../../plugin/payouts';
import { tableOf, withKnex } from '../platform/database';
import { idOrNull, type RawRow } from '../platform/rows';
import { csvStream } from './csv-exports';
import { getService } from '../platform/plugin-context';
import type { PortalPartner } from '../portal/is-partner';
import { loadEntryLabels } from '../attribution/referral-labels';
import { createPortalScope } from '../portal/scope';
import { renderStatementPdf } from './statement-pdf';
import { toStatementAddressee } from './statements';

const COMMISSION = uid('commission');
const PARTNER = uid('partner');
const PAYOUT = uid('payout');
/** How far back the statement list looks. */
const MAX_MONTHS = 120;

const monthOf = (date: Date) => date.toISOString().slice(0, 7);
const monthsFrom = (first: Date, now: Date) => {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
  const last = monthOf(now);
  while (monthOf(cursor) <= last) {
    months.push(monthOf(cursor));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months.slice(-MAX_MONTHS);
};

const toDate = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string | number);

/**
 * Monthly statements in the portal (SPEC §8): the numbers of payouts/statements.ts for the
 * signed-in partner only, with each entry's referred contact projected by its program's
 * `referralDetail` in JSON, CSV and PDF alike.
 */
const createPartnerStatementsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const scope = createPortalScope(strapi);
  const statements = () => getService('statements', { strapi });

  /** The partner's rows of `model`, through their plain indexed `partner_id` column. */
  const owned = (knex: Knex, model: UID.Schema, partnerId: number) =>
    knex(`${tableOf(strapi, model)} as t`).where('t.partner_id', partnerId);

  /** `sum(case when any column falls in month i …) as m<i>` per month, grouped by currency. */
  const monthSums = (knex: Knex, columns: string[], months: string[]) =>
    months.map((month, index) => {
      const { startsAt, endsAt } = payoutPeriod(month);
      const range = [new Date(startsAt), new Date(endsAt)];
      const test = columns.map(() => '(?? >= ? and ?? < ?)').join(' or ');
      const bindings = columns.flatMap((column) => [column, range[0], column, range[1]]);
      return knex.raw(`sum(case when ${test} then 1 else 0 end) as ??`, [...bindings, `m${index}`]);
    });

  /** Months (newest first) and currencies with an entry approved or reversed or a payout paid. */
  const months = async (partner: PortalPartner, now = new Date()) =>
    withKnex(strapi, async (knex) => {
      const [firstEntry]: RawRow[] = await owned(knex, COMMISSION, partner.id)
        .whereNotNull('t.approved_at')
        .min({ at: 't.approved_at' });
      const [firstPayout]: RawRow[] = await owned(knex, PAYOUT, partner.id)
        .where('t.state', 'paid')
        .min({ at: 't.paid_at' });
      const firsts = [toDate(firstEntry?.at), toDate(firstPayout?.at)].filter(
        (date): date is Date => date !== null && !Number.isNaN(date.getTime())
      );
      if (firsts.length === 0) return [];
      const range = monthsFrom(new Date(Math.min(...firsts.map(Number))), now);
      const entries: RawRow[] = await owned(knex, COMMISSION, partner.id)
        .whereNotNull('t.approved_at')
        .groupBy('t.currency')
        .select(
          { currency: 't.currency' },
          ...monthSums(knex, ['t.approved_at', 't.reversed_at'], range)
        );
      const payouts: RawRow[] = await owned(knex, PAYOUT, partner.id)
        .where('t.state', 'paid')
        .groupBy('t.currency')
        .select({ currency: 't.currency' }, ...monthSums(knex, ['t.paid_at'], range));
      const found = new Set<string>();
      for (const row of [...entries, ...payouts]) {
        range.forEach((month, index) => {
          if (Number(row[`m${index}`] ?? 0) > 0) found.add(`${month}|${String(row.currency)}`);
        });
      }
      return [...found]
        .map((key) => {
          const [month, currency] = key.split('|');
          return { month, currency };
        })
        .sort((a, b) => b.month.localeCompare(a.month) || a.currency.localeCompare(b.currency));
    });

  /** The month's currency: as asked, else the first with activity, else the first program's. */
  const currencyFor = async (partner: PortalPartner, month: string, currency?: string) => {
    if (currency) return currency;
    const active = (await months(partner)).find((entry) => entry.month === month);
    if (active) return active.currency;
    return (await scope.programs(partner))[0]?.currency ?? 'USD';
  };

  const labelled = async (partner: PortalPartner, month: string, currency?: string) => {
    const resolved = await currencyFor(partner, month, currency);
    const statement = await statements().compute(partner.id, resolved, month);
    const ids = statement.lines.map((line) => String(line.entryId));
    const rows: RawRow[] = ids.length
      ? await strapi.db.query(COMMISSION).findMany({
          where: { documentId: { $in: ids }, partnerId: partner.id },
          select: ['documentId', 'level', 'programId', 'referralId'],
        })
      : [];
    const entries = rows.map((row) => ({
      documentId: String(row.documentId),
      level: Number(row.level),
      programId: Number(row.programId),
      referralId: idOrNull(row.referralId),
    }));
    const { labelOf: entryLabel } = await loadEntryLabels(strapi, partner, entries);
    const labels = new Map<string, string | null>(
      entries.map((entry) => [entry.documentId, entryLabel(entry)])
    );
    const labelOf = (entryId: unknown) => labels.get(String(entryId)) ?? null;
    return { statement, labelOf };
  };

  const addresseeOf = async (partner: PortalPartner) =>
    toStatementAddressee(
      await strapi.db.query(PARTNER).findOne({
        where: { id: partner.id },
        select: ['name', 'email', 'company'],
      })
    );

  async function* csvRows(statement: Statement, labelOf: (id: unknown) => string | null) {
    const money = (amount: number) => [amount, toDecimalString(amount, statement.currency)];
    yield [
      'opening',
      statement.startsAt,
      null,
      'Opening balance',
      null,
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
          labelOf(line.entryId),
          ...money(line.amount),
          null,
        ],
      })),
      ...statement.payouts.map((payout) => ({
        at: payout.at,
        cells: [
          'payout',
          payout.at,
          null,
          'Payout',
          null,
          ...money(-payout.amount),
          payout.reference,
        ],
      })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    for (const movement of movements) yield movement.cells;
    yield [
      'closing',
      statement.endsAt,
      null,
      'Closing balance',
      null,
      ...money(statement.closingBalance),
      null,
    ];
  }

  return {
    list: (partner: PortalPartner) => months(partner),

    async statement(
      partner: PortalPartner,
      month: string,
      currency?: string
    ): Promise<StatementResponse['data']> {
      const { statement, labelOf } = await labelled(partner, month, currency);
      return {
        month: statement.month,
        currency: statement.currency,
        openingBalance: statement.openingBalance,
        entries: statement.lines.map((line) => ({
          at: line.at,
          type: line.type,
          kind: line.kind,
          amount: line.amount,
          summary: line.summary,
          referral: labelOf(line.entryId),
        })),
        payouts: statement.payouts.map((payout) => ({
          at: payout.at,
          amount: payout.amount,
          reference: payout.reference,
        })),
        totals: statement.totals,
        closingBalance: statement.closingBalance,
      };
    },

    async csv(partner: PortalPartner, month: string, currency?: string) {
      const { statement, labelOf } = await labelled(partner, month, currency);
      const stream = csvStream(
        ['type', 'date', 'kind', 'description', 'referral', 'amount_minor', 'amount', 'reference'],
        csvRows(statement, labelOf),
        (error) =>
          strapi.log.error(`[partners] the portal statement export stopped: ${error.message}`)
      );
      return { stream, currency: statement.currency };
    },

    /** The PDF prints each entry's projected contact after its summary, and nothing else of it. */
    async pdf(partner: PortalPartner, month: string, currency?: string) {
      const { statement, labelOf } = await labelled(partner, month, currency);
      const lines = statement.lines.map((line) => {
        const label = labelOf(line.entryId);
        const summary = line.summary ?? line.kind;
        return { ...line, summary: label ? `${summary} · ${label}` : summary };
      });
      const document = renderStatementPdf(
        { ...statement, lines },
        statements().header(await addresseeOf(partner))
      );
      return { document, currency: statement.currency };
    },
  };
};

export type PartnerStatementsService = ReturnType<typeof createPartnerStatementsService>;
export default createPartnerStatementsService;
