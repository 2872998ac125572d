import type { Core } from '@strapi/strapi';
import type { PartnerRef } from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { rowsById, type RawRow, relationRow } from '../platform/rows';

/** What the admin panel sees of a related partner row. */

const toPartnerRef = (row: RawRow): PartnerRef => ({
  documentId: String(row.documentId),
  name: String(row.name),
});

/** A populated partner relation (selected as `PARTNER_REF`) as a ref, or null when empty. */
export const partnerRef = (relation: unknown): PartnerRef | null => {
  const row = relationRow(relation);
  return row ? toPartnerRef(row) : null;
};

export const PARTNER_REF = { select: ['documentId', 'name'] };

/** The refs of the partners that plain `partnerId` columns point at, in one query. */
export const partnerRefsById = (strapi: Core.Strapi, ids: Iterable<number | null>) =>
  rowsById(strapi, uid('partner'), ids, PARTNER_REF.select, toPartnerRef);
