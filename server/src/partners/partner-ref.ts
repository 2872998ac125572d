import type { Core } from '@strapi/strapi';
import type { PartnerRef } from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { rowsById } from '../platform/rows';

/** What the admin panel sees of a related partner row. */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const partnerRef = (row: Row | null | undefined): PartnerRef | null =>
  row ? { documentId: row.documentId, name: row.name } : null;

export const PARTNER_REF = { select: ['documentId', 'name'] };

/** The refs of the partners that plain `partnerId` columns point at, in one query. */
export const partnerRefsById = (strapi: Core.Strapi, ids: Iterable<number | null>) =>
  rowsById(strapi, uid('partner'), ids, PARTNER_REF.select, (row): PartnerRef => ({
    documentId: String(row.documentId),
    name: String(row.name),
  }));
