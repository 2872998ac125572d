import type { PartnerRef, ProgramRef } from '../../../plugin/contracts/admin';

/** Small shapers shared by the admin services: what the panel sees of a related row. */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export { iso } from '../rows';

export const partnerRef = (row: Row | null | undefined): PartnerRef | null =>
  row ? { documentId: row.documentId, name: row.name } : null;

export const programRef = (row: Row | null | undefined): ProgramRef | null =>
  row ? { documentId: row.documentId, name: row.name, slug: row.slug } : null;

export const PARTNER_REF = { select: ['documentId', 'name'] };
export const PROGRAM_REF = { select: ['documentId', 'name', 'slug'] };
