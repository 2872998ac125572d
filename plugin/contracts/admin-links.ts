import { z } from 'zod';
import type { LinkOrigin, LinkStatus } from '../model';
import type { ProgramRef } from './admin-common';
import { slugSchema } from './admin-common';
import { linkChangeSchema, newLinkFields } from './links';

/** A partner's links and codes in the admin (SPEC §4, §9); part of ./admin.ts. */

// GET /partners/:id/links (read or partners.manage); POST /partners/:id/links and
// PUT /links/:id (partners.manage). `:id` is the partner's, then the link's documentId.

export interface AdminLinkView {
  documentId: string;
  code: string;
  program: ProgramRef | null;
  label: string | null;
  path: string | null;
  /** The short tracking URL, absolute. */
  url: string;
  /** Human clicks (bots excluded), all time, disabled or not. */
  clicks: number;
  status: LinkStatus;
  /** Who made it: approval (`default`), an editor, the partner; null for host code and seeds. */
  origin: LinkOrigin | null;
  disabledAt: string | null;
  createdAt: string;
}

export type AdminLinksResponse = { data: AdminLinkView[] };
export type AdminLinkResponse = { data: AdminLinkView };

/** `POST /partners/:id/links`: a link in one of the partner's programs (by slug). */
export const createAdminLinkRequestSchema = z.strictObject({
  data: z.strictObject({ program: slugSchema, ...newLinkFields }),
});
export type CreateAdminLinkRequest = z.input<typeof createAdminLinkRequestSchema>;

/** `PUT /links/:id`: code, label, path; `status: disabled` stops new attribution, `active` resumes. */
export const updateAdminLinkRequestSchema = z.strictObject({ data: linkChangeSchema });
export type UpdateAdminLinkRequest = z.input<typeof updateAdminLinkRequestSchema>;
