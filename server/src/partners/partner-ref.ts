import type { PartnerRef } from '../../../plugin/contracts/admin';

/** What the admin panel sees of a related partner row. */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const partnerRef = (row: Row | null | undefined): PartnerRef | null =>
  row ? { documentId: row.documentId, name: row.name } : null;

export const PARTNER_REF = { select: ['documentId', 'name'] };
