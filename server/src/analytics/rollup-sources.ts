import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { COMMISSION_STATUSES, DEAL_STATUSES, uid } from '../../../plugin/model';
import { PAID_ORDER_STATUSES } from '../../../plugin/orders';
import { tableOf } from '../platform/database';
import {
  COUNT_MEASURES,
  MEASURES,
  columnOf,
  commissionAmount,
  commissionCount,
  dealCount,
  dealValue,
} from './rollup-columns';
import { dateBucket, sqlDialectOf } from './sql-dates';

/** A range of UTC instants [start, end), and optionally the partners (0: none) it is about. */
export interface SourceRange {
  start: Date;
  end: Date;
  partnerIds?: readonly number[] | null;
  /** Only the sources that count one of these (the others' measures come out 0); all without. */
  measures?: readonly string[];
}

interface RelationLink {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

type Measures = Partial<Record<string, Knex.Raw>>;

/**
 * Compiled SELECTs as one plain UNION ALL in a derived table `s` (no parentheses around the
 * parts: SQLite refuses them): one statement and one round trip.
 */
export const unionAll = (
  knex: Knex,
  parts: ReadonlyArray<{ sql: string; bindings: readonly unknown[] }>
) =>
  knex.raw(`(${parts.map((part) => part.sql).join(' union all ')}) as s`, [
    ...parts.flatMap((part) => part.bindings),
  ] as Knex.RawBinding[]);

/** One raw source of the rollups: its rows of a range, and the measures it counts (aggregates). */
export interface RawSource {
  query: Knex.QueryBuilder;
  /** The UTC day of a row. */
  day: { select: Knex.Raw; groupBy: Knex.Raw };
  /** Plain columns (null when the row has none). */
  programColumn: string;
  partnerColumn: string;
  /** The row's currency; null for sources that count without money. */
  currency: Knex.Raw | null;
  measures: Measures;
}

/**
 * The raw sources of the rollups, each narrowed to the range (and `partnerIds`), with the
 * aggregate of each measure it counts (other measures are 0 there). The definitions are the raw
 * overview's (SPEC §9): bots never count, rejected referrals are kept apart, revenue is the net
 * of paid orders that have a partner, deals need a partner and are counted by the day they were
 * made. With `measures`, only the sources that count one of them.
 */
export const rawSources = (strapi: Core.Strapi, knex: Knex, range: SourceRange): RawSource[] => {
  const dialect = sqlDialectOf(strapi.db.dialect.client);
  const table = (name: Parameters<typeof uid>[0], alias: string) =>
    knex(`${tableOf(strapi, uid(name))} as ${alias}`);
  const count = knex.raw('count(*)');
  const countWhen = (sql: string, bindings: readonly Knex.RawBinding[]) =>
    knex.raw(`sum(case when ${sql} then 1 else 0 end)`, bindings);
  const sumWhen = (sql: string, bindings: readonly Knex.RawBinding[], amount: string) =>
    knex.raw(`sum(case when ${sql} then ?? else 0 end)`, [...bindings, amount]);

  const noCurrency = knex.raw("''");

  /** One source: its rows of the range by `dayColumn` (and of the partners asked for). */
  const source = (
    query: Knex.QueryBuilder,
    dayColumn: string,
    programColumn: string,
    partnerColumn: string,
    currency: Knex.Raw,
    measures: Measures
  ): RawSource => {
    query.where(dayColumn, '>=', range.start).where(dayColumn, '<', range.end);
    if (range.partnerIds) {
      // The column itself (its index serves the filter); partner 0 stands for rows without one.
      const ids = range.partnerIds.filter((id) => id !== 0);
      const none = range.partnerIds.includes(0);
      query.where((partners) => {
        partners.whereIn(partnerColumn, ids);
        if (none) partners.orWhereNull(partnerColumn);
      });
    }
    return {
      query,
      day: dateBucket(knex, dialect, dayColumn, 'day'),
      programColumn,
      partnerColumn,
      currency: currency === noCurrency ? null : currency,
      measures,
    };
  };

  const clicks = source(
    table('click', 'c').where('c.is_bot', false),
    'c.created_at',
    'c.program_id',
    'c.partner_id',
    noCurrency,
    { clicks: count, uniqueClicks: countWhen('??', ['c.is_unique']) }
  );
  const notRejected = ["?? <> 'rejected'", ['r.state']] as const;
  const referrals = source(
    table('referral', 'r'),
    'r.created_at',
    'r.program_id',
    'r.partner_id',
    noCurrency,
    {
      referrals: countWhen(...notRejected),
      rejectedReferrals: countWhen("?? = 'rejected'", ['r.state']),
      convertedReferrals: countWhen("?? <> 'rejected' and ?? is not null", [
        'r.state',
        'r.converted_at',
      ]),
    }
  );
  const customers = source(
    table('referral', 'r'),
    'r.converted_at',
    'r.program_id',
    'r.partner_id',
    noCurrency,
    {
      customers: countWhen(...notRejected),
      rejectedCustomers: countWhen("?? = 'rejected'", ['r.state']),
    }
  );
  const signUps = source(
    table('referral', 'r'),
    'r.signed_up_at',
    'r.program_id',
    'r.partner_id',
    noCurrency,
    { signUps: count }
  );
  const orders = source(
    table('order', 'o').whereNotNull('o.partner_id').whereIn('o.state', PAID_ORDER_STATUSES),
    'o.paid_at',
    'o.program_id',
    'o.partner_id',
    knex.raw('??', ['o.currency']),
    { orders: count, revenue: knex.raw('sum(?? - ??)', ['o.amount', 'o.refunded_amount']) }
  );
  const commissions = source(
    table('commission', 'k'),
    'k.created_at',
    'k.program_id',
    'k.partner_id',
    knex.raw('??', ['k.currency']),
    Object.fromEntries(
      COMMISSION_STATUSES.flatMap((state) => [
        [commissionCount(state), countWhen('?? = ?', ['k.state', state])],
        [commissionAmount(state), sumWhen('?? = ?', ['k.state', state], 'k.amount')],
      ])
    )
  );

  // Deals keep their partner and program as relations: their link tables, by Strapi's metadata.
  const dealMeta = strapi.db.metadata.get(uid('deal')).attributes;
  const linkOf = (attribute: 'partner' | 'program') =>
    (dealMeta[attribute] as unknown as { joinTable: RelationLink }).joinTable;
  const partnerLink = linkOf('partner');
  const programLink = linkOf('program');
  const dealRows = table('deal', 'd')
    .join(`${partnerLink.name} as d_pa`, `d_pa.${partnerLink.joinColumn.name}`, 'd.id')
    .leftJoin(`${programLink.name} as d_pr`, `d_pr.${programLink.joinColumn.name}`, 'd.id');
  // Counts of deals without a value go to the '' row, so a currency row exists only with a value.
  const dealCurrency = knex.raw("case when ?? is null then '' else coalesce(??, '') end", [
    'd.estimated_value',
    'd.currency',
  ]);
  const deals = source(
    dealRows,
    'd.created_at',
    `d_pr.${programLink.inverseJoinColumn.name}`,
    `d_pa.${partnerLink.inverseJoinColumn.name}`,
    dealCurrency,
    Object.fromEntries(
      DEAL_STATUSES.flatMap((state) => [
        [dealCount(state), countWhen('?? = ?', ['d.state', state])],
        [dealValue(state), sumWhen('?? = ?', ['d.state', state], 'd.estimated_value')],
      ])
    )
  );

  const wanted = (part: RawSource) =>
    !range.measures || Object.keys(part.measures).some((name) => range.measures!.includes(name));
  const all = [clicks, referrals, customers, signUps, orders, commissions, deals];
  const chosen = all.filter(wanted);
  return chosen.length > 0 ? chosen : all;
};

/**
 * The daily aggregates of the raw tables, in the shape of a rollup row: one row per (UTC day,
 * program, partner, currency) with every measure, as ONE SQL statement (a union of one grouped
 * query per source, summed by key). The rollup writer inserts it.
 */
export const dailyAggregates = (strapi: Core.Strapi, knex: Knex, range: SourceRange) => {
  const zero = knex.raw('0');
  const parts = rawSources(strapi, knex, range).map((part) => {
    const programId = knex.raw('coalesce(??, 0)', [part.programColumn]);
    const partnerId = knex.raw('coalesce(??, 0)', [part.partnerColumn]);
    return (
      part.query
        .select({
          day: part.day.select,
          program_id: programId,
          partner_id: partnerId,
          currency: part.currency ?? knex.raw("''"),
        })
        .select(
          Object.fromEntries(MEASURES.map((name) => [columnOf(name), part.measures[name] ?? zero]))
        )
        .groupBy(part.day.groupBy)
        .groupBy(programId)
        .groupBy(partnerId)
        // PostgreSQL refuses a constant in GROUP BY: the '' of the counts is not grouped on.
        .modify((grouped) => {
          if (part.currency) grouped.groupBy(part.currency);
        })
        .toSQL()
    );
  });
  return knex
    .from(unionAll(knex, parts))
    .select('s.day', 's.program_id', 's.partner_id', 's.currency')
    .select(
      MEASURES.map((name) =>
        knex.raw(
          COUNT_MEASURES.includes(name as never) ? 'sum(??) as ??' : 'coalesce(sum(??), 0) as ??',
          [`s.${columnOf(name)}`, columnOf(name)]
        )
      )
    )
    .groupBy('s.day', 's.program_id', 's.partner_id', 's.currency');
};

/**
 * The (UTC day, partner) pairs whose raw rows changed at or after `since` (by `updated_at`,
 * which every writer sets), for days before `before`: what a refresh recomputes.
 */
export const touchedGroups = async (
  strapi: Core.Strapi,
  knex: Knex,
  since: Date,
  before: Date
): Promise<Map<string, Set<number>>> => {
  const dialect = sqlDialectOf(strapi.db.dialect.client);
  const dealPartner = (
    strapi.db.metadata.get(uid('deal')).attributes.partner as unknown as { joinTable: RelationLink }
  ).joinTable;
  const sources: [Knex.QueryBuilder, string, string][] = [
    [knex(`${tableOf(strapi, uid('click'))} as t`), 't.created_at', 't.partner_id'],
    ...['created_at', 'converted_at', 'signed_up_at'].map(
      (column): [Knex.QueryBuilder, string, string] => [
        knex(`${tableOf(strapi, uid('referral'))} as t`),
        `t.${column}`,
        't.partner_id',
      ]
    ),
    [knex(`${tableOf(strapi, uid('order'))} as t`), 't.paid_at', 't.partner_id'],
    [knex(`${tableOf(strapi, uid('commission'))} as t`), 't.created_at', 't.partner_id'],
    [
      knex(`${tableOf(strapi, uid('deal'))} as t`).join(
        `${dealPartner.name} as t_pa`,
        `t_pa.${dealPartner.joinColumn.name}`,
        't.id'
      ),
      't.created_at',
      `t_pa.${dealPartner.inverseJoinColumn.name}`,
    ],
  ];
  const changed = unionAll(
    knex,
    sources.map(([query, dayColumn, partner]) => {
      const day = dateBucket(knex, dialect, dayColumn, 'day');
      const partnerId = knex.raw('coalesce(??, 0)', [partner]);
      return query
        .where('t.updated_at', '>=', since)
        .where(dayColumn, '<', before)
        .select({ day: day.select, partnerId })
        .groupBy(day.groupBy)
        .groupBy(partnerId)
        .toSQL();
    })
  );
  const groups = new Map<string, Set<number>>();
  const rows: Record<string, unknown>[] = await knex.from(changed).select('*');
  for (const row of rows) {
    const key = String(row.day);
    const partners = groups.get(key) ?? new Set<number>();
    partners.add(Number(row.partnerId));
    groups.set(key, partners);
  }
  return groups;
};
