import type { ProgramRef } from '../../../plugin/contracts/admin';

/** What the admin panel sees of a related program row. */

export const programRef = (row: ProgramRef | null | undefined): ProgramRef | null =>
  row ? { documentId: row.documentId, name: row.name, slug: row.slug } : null;

export const PROGRAM_REF = { select: ['documentId', 'name', 'slug'] };
