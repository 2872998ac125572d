import type { AssetType } from '../../../plugin/model';
import { iso, type RawRow } from '../platform/rows';

/**
 * An asset row as it leaves the database, instants ISO 8601. Its program and its media file are
 * relations: a query that wants them populates them (assets.ts).
 */
export interface AssetRecord {
  id: number;
  documentId: string;
  title: string;
  description: string | null;
  type: AssetType;
  /** A link to the material, when it is not (only) a file. */
  url: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** Parses a row of `strapi.db.query(asset)` (camelCase attributes) into a record. */
export const toAssetRecord = (row: RawRow): AssetRecord => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  title: String(row.title),
  description: (row.description as string | null | undefined) ?? null,
  type: row.type as AssetType,
  url: (row.url as string | null | undefined) ?? null,
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
});
