import type { ProgramRef } from '../../../plugin/contracts/admin';
import type { RawRow } from '../platform/rows';

/** A populated to-one relation as a raw row, or null when the relation is empty. */
export const relationRow = (value: unknown): RawRow | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as RawRow) : null;

/** A populated to-many relation as raw rows; none when it was not populated. */
export const relationRows = (value: unknown): RawRow[] =>
  Array.isArray(value)
    ? value.flatMap((item): RawRow[] => {
        const row = relationRow(item);
        return row ? [row] : [];
      })
    : [];

/** A populated program selected as `PROGRAM_REF` (documentId, name, slug), or null. */
export const populatedProgramRef = (value: unknown): ProgramRef | null => {
  const row = relationRow(value);
  return row
    ? { documentId: String(row.documentId), name: String(row.name), slug: String(row.slug) }
    : null;
};

/** A nullable text column: the string, or null. */
export const textOrNull = (value: unknown): string | null =>
  (value as string | null | undefined) ?? null;
