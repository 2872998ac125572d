import type { Core } from '@strapi/strapi';
import type { ProgramRef } from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { relationRow, rowsById, type RawRow } from '../platform/rows';

/** What the admin panel sees of a related program row. */
export const PROGRAM_REF = { select: ['documentId', 'name', 'slug'] };

/** A program row selected with `PROGRAM_REF`. */
export const toProgramRef = (row: RawRow): ProgramRef => ({
  documentId: String(row.documentId),
  name: String(row.name),
  slug: String(row.slug),
});

/** A populated program relation selected with `PROGRAM_REF`, or null when it is empty. */
export const programRefOf = (relation: unknown): ProgramRef | null => {
  const row = relationRow(relation);
  return row ? toProgramRef(row) : null;
};

/** The refs of the programs that plain `programId` columns point at, in one query. */
export const programRefsById = (strapi: Core.Strapi, ids: Iterable<number | null>) =>
  rowsById(strapi, uid('program'), ids, PROGRAM_REF.select, toProgramRef);
