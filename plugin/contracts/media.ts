import { z } from 'zod';
import { FILE_USES } from '../media/file-rules';
import { programRefSchema } from './portal-common';

/**
 * Media files of the plugin (agreements, marketing assets, deal attachments), uploaded through
 * Strapi's media library. The admin sees a file's media-library URL; a partner never gets one:
 * it downloads its files through `GET /api/partners/portal/files/:id`, which checks the file is
 * its own (docs/agreements.md).
 */

export const mediaFileIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** A file as the admin sees it. */
export const mediaFileSchema = z.object({
  id: z.int(),
  name: z.string(),
  mime: z.string().nullable(),
  sizeBytes: z.int().nullable(),
  url: z.string().nullable(),
});
export type MediaFileView = z.infer<typeof mediaFileSchema>;

/** A file as a partner sees it: its download goes through the portal. */
export const portalFileSchema = z.object({
  id: z.int(),
  name: z.string(),
  mime: z.string().nullable(),
  sizeBytes: z.int().nullable(),
  downloadPath: z.string(),
});
export type PortalFile = z.infer<typeof portalFileSchema>;

/** `POST /partners/media?use=…` (admin, multipart field `files`): the uploaded files. */
export const uploadMediaQuerySchema = z.strictObject({ use: z.enum(FILE_USES) });
export const uploadMediaResponseSchema = z.object({ data: z.array(mediaFileSchema) });

/** `PUT /partners/programs/:id/agreements` and `/partners/partners/:id/agreements`. */
export const setAgreementsRequestSchema = z.strictObject({
  data: z.strictObject({
    files: z.array(mediaFileIdSchema).max(20, 'at most 20 agreements'),
  }),
});
export type SetAgreementsRequest = z.input<typeof setAgreementsRequestSchema>;
export const agreementsResponseSchema = z.object({ data: z.array(mediaFileSchema) });

/** `GET /api/partners/portal/agreements`: what the partner accepted, and its own agreements. */
export const portalAgreementsResponseSchema = z.object({
  data: z.object({
    programs: z.array(
      z.object({
        program: programRefSchema,
        termsVersionAccepted: z.string().nullable(),
        acceptedAt: z.string().nullable(),
        files: z.array(portalFileSchema),
      })
    ),
    partner: z.array(portalFileSchema),
  }),
});
export type PortalAgreements = z.infer<typeof portalAgreementsResponseSchema>['data'];
