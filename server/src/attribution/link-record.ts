import type { LinkOrigin } from '../../../plugin/model';
import { idOf, iso, type RawRow } from '../platform/rows';

/** A link row as it leaves the database: its partner and program as plain ids, dates ISO 8601. */
export interface LinkRecord {
  id: number;
  documentId: string;
  code: string;
  partnerId: number | null;
  programId: number | null;
  label: string | null;
  path: string | null;
  origin: LinkOrigin | null;
  disabledAt: string | null;
  createdAt: string;
}

/** The link's own columns, whatever the query populated of its relations. */
export type LinkColumns = Omit<LinkRecord, 'partnerId' | 'programId'>;

/** What a link query populates for `toLinkRecord`: the ids of its partner and program. */
export const LINK_POPULATE = {
  partner: { select: ['id'] },
  program: { select: ['id'] },
} as const;

/** Parses the columns of a whole link row (no `select`). */
export const toLinkColumns = (row: RawRow): LinkColumns => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  code: String(row.code),
  label: (row.label as string | null | undefined) ?? null,
  path: (row.path as string | null | undefined) ?? null,
  origin: (row.origin as LinkOrigin | null | undefined) ?? null,
  disabledAt: iso(row.disabledAt),
  createdAt: new Date(row.createdAt as string | number | Date).toISOString(),
});

/** Parses a whole link row read with `populate: LINK_POPULATE`. */
export const toLinkRecord = (row: RawRow): LinkRecord => ({
  ...toLinkColumns(row),
  partnerId: idOf(row.partner),
  programId: idOf(row.program),
});
