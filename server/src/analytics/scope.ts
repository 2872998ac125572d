import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { uid } from '../../../plugin/model';
import { tableOf } from '../platform/database';

/** Who and when an analytics query covers (SPEC §9 filters), resolved to row ids. */
export interface AnalyticsScope {
  /** Inclusive start, exclusive end (UTC instants). */
  start: Date;
  end: Date;
  programId: number | null;
  partnerId: number | null;
  tier: string | null;
}

type ScopedTable = 'referral' | 'order' | 'commission' | 'enrollment' | 'deal';
/** Tables that keep their partner and program as relations (link tables), not id columns. */
const LINKED_TABLES: readonly ScopedTable[] = ['enrollment', 'deal'];

interface RelationLink {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/**
 * Where rows of `name` (as `alias`) keep their `partner` or `program` id: `column`, usable once
 * `require` has narrowed the query to rows that have one. Referrals, orders and commissions keep
 * them as plain columns, where `require` skips the nulls; enrollments and deals as relations, whose link
 * table (named by Strapi's metadata) `require` joins as `<alias>_pa` / `<alias>_pr`.
 */
const referenceOf = (
  strapi: Core.Strapi,
  name: ScopedTable,
  alias: string,
  attribute: 'partner' | 'program'
) => {
  if (!LINKED_TABLES.includes(name)) {
    const column = `${alias}.${attribute}_id`;
    return { column, require: (query: Knex.QueryBuilder) => query.whereNotNull(column) };
  }
  const meta = strapi.db.metadata.get(uid(name)).attributes[attribute];
  const link = (meta as { joinTable: RelationLink }).joinTable;
  const linkAlias = `${alias}_${attribute === 'partner' ? 'pa' : 'pr'}`;
  return {
    column: `${linkAlias}.${link.inverseJoinColumn.name}`,
    require: (query: Knex.QueryBuilder) =>
      query.join(
        `${link.name} as ${linkAlias}`,
        `${linkAlias}.${link.joinColumn.name}`,
        `${alias}.id`
      ),
  };
};

/**
 * A query over one of the plugin's tables that name a partner and a program, narrowed to the
 * scope's partner, program and tier. The partner is required of a row when a filter or the
 * caller (`joinPartner`, e.g. to group by partner, or for orders, where a row without a partner
 * is not attributed) needs it; referrals, ledger entries and enrollments always have one.
 * `partnerColumn` / `programColumn` name the columns holding their ids.
 */
export const scopedRows = (
  strapi: Core.Strapi,
  knex: Knex,
  name: ScopedTable,
  alias: string,
  scope: AnalyticsScope,
  options: { joinProgram?: boolean; joinPartner?: boolean } = {}
) => {
  const partner = referenceOf(strapi, name, alias, 'partner');
  const program = referenceOf(strapi, name, alias, 'program');
  const query = knex(`${tableOf(strapi, uid(name))} as ${alias}`);
  if (options.joinPartner !== false || scope.partnerId !== null || scope.tier !== null) {
    partner.require(query);
  }
  if (scope.programId !== null || options.joinProgram) program.require(query);
  if (scope.programId !== null) query.where(program.column, scope.programId);
  narrowPartners(strapi, knex, query, partner.column, scope);
  return { query, partnerColumn: partner.column, programColumn: program.column };
};

/** The partner and tier filters on a column holding partner ids. */
export const narrowPartners = (
  strapi: Core.Strapi,
  knex: Knex,
  query: Knex.QueryBuilder,
  partnerColumn: string,
  scope: Pick<AnalyticsScope, 'partnerId' | 'tier'>
) => {
  if (scope.partnerId !== null) query.where(partnerColumn, scope.partnerId);
  if (scope.tier !== null) {
    query.whereIn(
      partnerColumn,
      knex(tableOf(strapi, uid('partner')))
        .select('id')
        .where('tier', scope.tier)
    );
  }
  return query;
};

/** Clicks (plain indexed id columns, no link tables) in the scope; bots never count. */
export const scopedClicks = (
  strapi: Core.Strapi,
  knex: Knex,
  scope: AnalyticsScope,
  alias = 'c'
) => {
  const query = knex(`${tableOf(strapi, uid('click'))} as ${alias}`).where(
    `${alias}.is_bot`,
    false
  );
  if (scope.programId !== null) query.where(`${alias}.program_id`, scope.programId);
  return narrowPartners(strapi, knex, query, `${alias}.partner_id`, scope);
};

/** Counts and sums come back as strings from PostgreSQL (bigint) and MySQL (decimal). */
export const toInt = (value: unknown): number => (value == null ? 0 : Number(value));
