import type { Core } from '@strapi/strapi';
import type { DealPipelineQuery, DealPipelineRow } from '../../../plugin/contracts/admin';
import { DEAL_STATUSES, uid, type DealStatus } from '../../../plugin/model';
import { tableOf, withKnex } from '../platform/database';
import { dayOf } from './deal-record';

const DEAL = uid('deal');
const PARTNER = uid('partner');
const PROGRAM = uid('program');

interface RelationLink {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/**
 * The deal pipeline of the admin's deal list (SPEC §9): per state and currency, how many deals,
 * their summed value and the soonest expected close, aggregated in SQL. Deals keep their partner
 * and program as relations, so a filter joins the link table Strapi's metadata names.
 */
export const dealPipeline = async (
  strapi: Core.Strapi,
  query: DealPipelineQuery
): Promise<DealPipelineRow[]> => {
  const [partner, program] = await Promise.all([
    query.partner
      ? strapi.db.query(PARTNER).findOne({ where: { documentId: query.partner }, select: ['id'] })
      : null,
    query.program
      ? strapi.db.query(PROGRAM).findOne({ where: { slug: query.program }, select: ['id'] })
      : null,
  ]);
  if ((query.partner && !partner) || (query.program && !program)) return [];
  const linkOf = (attribute: 'partner' | 'program') =>
    (strapi.db.metadata.get(DEAL).attributes[attribute] as unknown as { joinTable: RelationLink })
      .joinTable;
  const rows = await withKnex(strapi, (knex) => {
    const select = knex(`${tableOf(strapi, DEAL)} as d`)
      .select('d.state as state', 'd.currency as currency')
      .count({ deals: 'd.id' })
      .sum({ value: 'd.estimated_value' })
      .min({ nextClose: 'd.expected_close_at' })
      .groupBy('d.state', 'd.currency');
    for (const [attribute, row] of [
      ['partner', partner],
      ['program', program],
    ] as const) {
      if (!row) continue;
      const link = linkOf(attribute);
      const alias = `d_${attribute}`;
      select
        .join(`${link.name} as ${alias}`, `${alias}.${link.joinColumn.name}`, 'd.id')
        .where(`${alias}.${link.inverseJoinColumn.name}`, row.id);
    }
    return select as unknown as Promise<Array<Record<string, unknown>>>;
  });
  const order = (status: string) => DEAL_STATUSES.indexOf(status as DealStatus);
  return rows
    .map((row) => ({
      status: row.state as DealStatus,
      currency: (row.currency as string | null) ?? null,
      deals: Number(row.deals),
      value: Number(row.value ?? 0),
      nextExpectedCloseAt: dayOf(row.nextClose),
    }))
    .sort(
      (a, b) =>
        order(a.status) - order(b.status) || (a.currency ?? '').localeCompare(b.currency ?? '')
    );
};
