import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { uid } from '../../../plugin/model';
import { joinTableOf, tableOf } from '../platform/database';

/** Who and when an analytics query covers (SPEC §9 filters), resolved to row ids. */
export interface AnalyticsScope {
  /** Inclusive start, exclusive end (UTC instants). */
  start: Date;
  end: Date;
  programId: number | null;
  partnerId: number | null;
  tier: string | null;
}

/**
 * A query over one of the plugin's tables whose partner and program are relations (link
 * tables), narrowed to the scope's partner, program and tier. The partner link is joined when a
 * filter or the caller (`joinPartner`, e.g. to group by partner, or for orders, where a row
 * without a partner is not attributed) needs it; referrals, ledger entries and enrollments always
 * have a partner. `partnerColumn` / `programColumn` name the columns holding their ids.
 */
export const scopedByRelations = (
  strapi: Core.Strapi,
  knex: Knex,
  name: 'referral' | 'order' | 'commission' | 'enrollment',
  alias: string,
  scope: AnalyticsScope,
  options: { joinProgram?: boolean; joinPartner?: boolean } = {}
) => {
  const model: UID.Schema = uid(name);
  const byPartner = joinTableOf(strapi, model, 'partner');
  const byProgram = joinTableOf(strapi, model, 'program');
  const partnerColumn = `${alias}_pa.${byPartner.targetColumn}`;
  const programColumn = `${alias}_pr.${byProgram.targetColumn}`;
  const query = knex(`${tableOf(strapi, model)} as ${alias}`);
  if (options.joinPartner !== false || scope.partnerId !== null || scope.tier !== null) {
    query.join(
      `${byPartner.table} as ${alias}_pa`,
      `${alias}_pa.${byPartner.ownerColumn}`,
      `${alias}.id`
    );
  }
  if (scope.programId !== null || options.joinProgram) {
    query.join(
      `${byProgram.table} as ${alias}_pr`,
      `${alias}_pr.${byProgram.ownerColumn}`,
      `${alias}.id`
    );
  }
  if (scope.programId !== null) query.where(programColumn, scope.programId);
  narrowPartners(strapi, knex, query, partnerColumn, scope);
  return { query, partnerColumn, programColumn };
};

/** The partner and tier filters on a column holding partner ids. */
export const narrowPartners = (
  strapi: Core.Strapi,
  knex: Knex,
  query: Knex.QueryBuilder,
  partnerColumn: string,
  scope: AnalyticsScope
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
