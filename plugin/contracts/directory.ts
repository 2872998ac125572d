import { z } from 'zod';
import { LISTING_STATES } from '../directory';
import { documentIdSchema, pageQuery, paginationSchema } from './admin-common';

/**
 * The agency directory (docs/directory.md): a partner's listing in the portal
 * (`/api/partners/portal/directory`), the editors' listings in the admin
 * (`/partners/directory/listings`) and the public directory (`GET /api/partners/directory`).
 * The HTTP JSON names the listing's `state` column `status`, as every other contract does.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const tags = z
  .array(text(60))
  .max(12)
  .refine((list) => new Set(list.map((tag) => tag.toLowerCase())).size === list.length, {
    message: 'each entry once',
  });

/** What a listing says about the partner; the application and the editors' draft share it. */
export const listingFields = {
  description: text(2000),
  services: tags.min(1, 'at least one service'),
  regions: tags,
  website: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable(),
};

export const listingStatusSchema = z.enum(LISTING_STATES);

/** What the public sees of a live listing: the approved copy, nothing about the partner else. */
export const publicListingSchema = z.strictObject({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  services: z.array(z.string()),
  regions: z.array(z.string()),
  website: z.string().nullable(),
  logoUrl: z.string().nullable(),
  listedSince: z.string(),
});
export type PublicListing = z.infer<typeof publicListingSchema>;

/* ------------------------------------------------------------ GET /api/partners/directory */
export const directoryQuerySchema = z.strictObject({
  ...pageQuery,
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type DirectoryQuery = z.output<typeof directoryQuerySchema>;
export const directoryResponseSchema = z.strictObject({
  data: z.array(publicListingSchema),
  meta: z.strictObject({ pagination: paginationSchema }),
});
export type DirectoryResponse = z.infer<typeof directoryResponseSchema>;
/* ------------------------------------------------------ GET /api/partners/directory/:slug */
export const listingSlugSchema = z
  .string()
  .min(1)
  .max(70)
  .regex(/^[a-z0-9-]+$/, 'a listing slug');
export const publicListingResponseSchema = z.strictObject({ data: publicListingSchema });

/** The listing's working copy: the application, then the editors' draft. */
const workingCopySchema = z.object(
  publicListingSchema.pick({
    name: true,
    description: true,
    services: true,
    regions: true,
    website: true,
    logoUrl: true,
  }).shape
);

/* ------------------------------------------- GET / POST /api/partners/portal/directory */
export const portalListingSchema = workingCopySchema.extend({
  status: listingStatusSchema,
  /** The approved copy the public directory shows, or null. */
  live: publicListingSchema.nullable(),
  /** Where the live copy is shown (a path under the portal), or null. */
  publicPath: z.string().nullable(),
  updatedAt: z.string(),
});
export type PortalListing = z.infer<typeof portalListingSchema>;
export const portalListingResponseSchema = z.object({ data: portalListingSchema.nullable() });
export type PortalListingResponse = z.infer<typeof portalListingResponseSchema>;

export const applyListingRequestSchema = z.strictObject({
  data: z.strictObject({ ...listingFields, website: listingFields.website.default(null) }),
});
export type ApplyListingRequest = z.input<typeof applyListingRequestSchema>;

/* ------------------------------------------------------------ admin: /directory/listings */
export const listListingsQuerySchema = z.strictObject({
  status: listingStatusSchema.optional(),
  ...pageQuery,
});
export type ListListingsQuery = z.output<typeof listListingsQuerySchema>;

export const adminListingSchema = workingCopySchema.extend({
  documentId: z.string(),
  partner: z.object({ documentId: z.string(), name: z.string() }).nullable(),
  status: listingStatusSchema,
  slug: z.string(),
  logo: z.object({ id: z.int(), name: z.string(), url: z.string() }).nullable(),
  live: publicListingSchema.nullable(),
  /** Where the live copy is shown (a path under the portal), or null. */
  publicPath: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminListing = z.infer<typeof adminListingSchema>;
export const adminListingResponseSchema = z.object({ data: adminListingSchema });
export const adminListingsResponseSchema = z.object({
  data: z.array(adminListingSchema),
  meta: z.object({ pagination: paginationSchema }),
});
export type AdminListingsResponse = z.infer<typeof adminListingsResponseSchema>;

/** An editor's draft: any of the fields, the display name, and a media library file as logo. */
export const draftListingRequestSchema = z.strictObject({
  data: z
    .strictObject({
      ...listingFields,
      name: text(200),
      logo: z.int().min(1).nullable(),
    })
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, 'nothing to change'),
});
export type DraftListingRequest = z.input<typeof draftListingRequestSchema>;

export const listingIdSchema = documentIdSchema;
