import type { Core } from '@strapi/strapi';
import type { ProgramRef } from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { rowsById, type RawRow } from '../platform/rows';

/** What the admin panel sees of a related program row. */

export const programRef = (row: ProgramRef | null | undefined): ProgramRef | null =>
  row ? { documentId: row.documentId, name: row.name, slug: row.slug } : null;

export const PROGRAM_REF = { select: ['documentId', 'name', 'slug'] };

/** A program row selected with `PROGRAM_REF`. */
export const toProgramRef = (row: RawRow): ProgramRef => ({
  documentId: String(row.documentId),
  name: String(row.name),
  slug: String(row.slug),
});

/** The refs of the programs that plain `programId` columns point at, in one query. */
export const programRefsById = (strapi: Core.Strapi, ids: Iterable<number | null>) =>
  rowsById(strapi, uid('program'), ids, PROGRAM_REF.select, toProgramRef);
