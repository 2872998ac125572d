/** Query Engine filters shared by the admin lists: relations by documentId and slug, days in UTC. */
import type { Core } from '@strapi/strapi';
import { uid } from '../../../plugin/model';

const DAY_MS = 24 * 3600 * 1000;

/** The admin lists' order: newest first, the id breaking ties. */
export const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

/**
 * The CSV exports walk a table a page at a time in the order its screen lists it: `column`
 * descending, the id breaking ties (`column` is set on every row). `orderBy` is that order and
 * `after(last)` the filter of the rows that follow `last`, the previous page's last row.
 */
export const descendingKeyset = (column = 'createdAt') => ({
  orderBy: [{ [column]: 'desc' as const }, { id: 'desc' as const }],
  after: (last: Record<string, unknown> | undefined) =>
    last === undefined
      ? {}
      : {
          $or: [
            { [column]: { $lt: last[column] } },
            { [column]: last[column], id: { $lt: last.id } },
          ],
        },
});

/** `status` (the stored `state`), `partner` (documentId) and `program` (slug), when given. */
export const statusPartnerProgramWhere = (query: {
  status?: string;
  partner?: string;
  program?: string;
}) => ({
  ...(query.status ? { state: query.status } : {}),
  ...(query.partner ? { partner: { documentId: query.partner } } : {}),
  ...(query.program ? { program: { slug: query.program } } : {}),
});

/**
 * The same filters for tables that keep their partner and program as plain id columns (orders,
 * commissions, payouts): the documentId and slug are looked up first, and one that names no
 * row matches nothing, as the relation filter did.
 */
export const statusPartnerProgramIdsWhere = async (
  strapi: Core.Strapi,
  query: { status?: string; partner?: string; program?: string }
) => {
  const idWhere = async (name: 'partner' | 'program', where: { [field: string]: string }) => {
    const row = await strapi.db.query(uid(name)).findOne({ where, select: ['id'] });
    return row ? Number(row.id) : { $in: [] as number[] };
  };
  return {
    ...(query.status ? { state: query.status } : {}),
    ...(query.partner
      ? { partnerId: await idWhere('partner', { documentId: query.partner }) }
      : {}),
    ...(query.program ? { programId: await idWhere('program', { slug: query.program }) } : {}),
  };
};

/** `createdAt` from the start of day `from` to the end of day `to` (YYYY-MM-DD, UTC), when given. */
export const createdBetweenWhere = (query: { from?: string; to?: string }) =>
  query.from || query.to
    ? {
        createdAt: {
          ...(query.from ? { $gte: new Date(`${query.from}T00:00:00Z`) } : {}),
          ...(query.to ? { $lt: new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) } : {}),
        },
      }
    : {};
