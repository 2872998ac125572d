import { z } from 'zod';
import {
  ENROLLMENT_STATUSES,
  PARTNER_TYPES,
  type ApplicationMode,
  type EnrollmentStatus,
  type PartnerStatus,
  type PartnerType,
} from '../model';
import type { InvitationState } from '../partners/invitation-state';
import type { Delivery } from './notifications';
import { referralCodeSchema } from './orders';
import { documentIdSchema } from './payouts';

/**
 * The partner lifecycle (SPEC §8): public applications, invitations and their acceptance, the
 * editors' decisions and the portal's team members. Bodies follow Strapi's `{ data: { ... } }`.
 */

export const programSlugSchema = z
  .string()
  .min(1)
  .max(255)
  // Strapi's uid fields allow letters, digits and "-_.~".
  .regex(/^[a-z0-9][a-z0-9._~-]*$/i, 'a program slug');

const text = (max: number) => z.string().trim().min(1).max(max);
const emailSchema = z
  .email()
  .max(254)
  .transform((email) => email.toLowerCase());

/** `GET /api/partners/programs/:slug/application`: what the application page shows. */
export interface ApplicationPage {
  slug: string;
  name: string;
  applicationMode: ApplicationMode;
  terms: string | null;
  termsVersion: string | null;
  landingUrl: string | null;
}
export interface ApplicationPageResponse {
  data: ApplicationPage;
}

/** `POST /api/partners/applications` */
export const applicationInputSchema = z.strictObject({
  program: programSlugSchema,
  name: text(200),
  email: emailSchema,
  company: text(200).optional(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
  type: z.enum(PARTNER_TYPES).optional(),
  message: text(2000).optional(),
  /** The recruiter's link code from `<portal>/apply/<program>?recruit=<code>` (two-tier). */
  recruitCode: referralCodeSchema.optional(),
  acceptTerms: z.literal(true, 'the program terms must be accepted'),
  /** The terms version the applicant read; must match the program's when it has one. */
  termsVersion: z.string().max(64).nullable().optional(),
});
export type ApplicationInput = z.output<typeof applicationInputSchema>;
export const applicationRequestSchema = z.strictObject({ data: applicationInputSchema });
export type ApplicationRequest = z.input<typeof applicationRequestSchema>;
export interface ApplicationResponse {
  data: { status: 'applied' | 'approved' };
}

/** An invitation token as mailed: 32 random bytes, base64url. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'an invitation token');

/** `POST /api/partners/invitations/view` `{ data: { token } }`: the token in a body, never a URL. */
export const viewInvitationRequestSchema = z.strictObject({
  data: z.strictObject({ token: invitationTokenSchema }),
});

export interface InvitationView {
  email: string;
  partnerName: string;
  programs: Array<{
    slug: string;
    name: string;
    terms: string | null;
    termsVersion: string | null;
  }>;
}
export interface InvitationViewResponse {
  data: InvitationView;
}

const utf8Length = (value: string) => {
  let bytes = 0;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
};

/** bcrypt reads 72 bytes at most; a longer password would be cut silently. */
const passwordSchema = z
  .string()
  .min(8)
  .max(72)
  .refine((value) => utf8Length(value) <= 72, 'at most 72 bytes');

/** `POST /api/partners/invitations/accept` */
export const acceptInvitationInputSchema = z.strictObject({
  token: invitationTokenSchema,
  password: passwordSchema,
  acceptTerms: z.literal(true, 'the program terms must be accepted'),
});
export type AcceptInvitationInput = z.output<typeof acceptInvitationInputSchema>;
export const acceptInvitationRequestSchema = z.strictObject({
  data: acceptInvitationInputSchema,
});
export type AcceptInvitationRequest = z.input<typeof acceptInvitationRequestSchema>;
export interface AcceptInvitationResponse {
  data: { jwt: string; user: { id: number; email: string; username: string } };
}

// ---- Admin (`/partners/...`, action partners.manage) ----

const pageSchema = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSizeSchema = z.coerce.number().int().min(1).max(100).default(25);

/** `GET /partners/applications?status=applied&program=slug&page&pageSize` */
export const listApplicationsQuerySchema = z.strictObject({
  status: z.enum(ENROLLMENT_STATUSES).default('applied'),
  program: programSlugSchema.optional(),
  page: pageSchema,
  pageSize: pageSizeSchema,
});
export type ListApplicationsQuery = z.output<typeof listApplicationsQuerySchema>;

/** One application: a partner's enrollment in a program, with what it wrote. */
export interface ApplicationView {
  /** The partner's documentId (the approve/reject routes take it). */
  documentId: string;
  enrollmentDocumentId: string;
  name: string;
  email: string;
  company: string | null;
  website: string | null;
  type: PartnerType;
  partnerStatus: PartnerStatus;
  enrollmentStatus: EnrollmentStatus;
  program: { slug: string; name: string } | null;
  message: string | null;
  referredBy: { documentId: string; name: string } | null;
  createdAt: string;
}

export const partnerIdParamSchema = documentIdSchema;

/** `POST /partners/:id/approve` */
export const approvePartnerRequestSchema = z.strictObject({
  data: z.strictObject({ reason: text(2000).optional() }).default({}),
});
export type ApprovePartnerRequest = z.input<typeof approvePartnerRequestSchema>;

/** `POST /partners/:id/reject`: the reason is mailed to the applicant. */
export const rejectPartnerRequestSchema = z.strictObject({
  data: z.strictObject({ reason: text(2000) }),
});
export type RejectPartnerRequest = z.input<typeof rejectPartnerRequestSchema>;

/**
 * An approval or rejection, and what the server did about the e-mail: `mailed: false` with the
 * reason in `mailError`. An approval that issued an invitation names it, with its link to copy.
 */
export interface PartnerDecisionResponse {
  data: Delivery & {
    documentId: string;
    status: PartnerStatus;
    enrollments: number;
    invitation: InvitationLink | null;
  };
}

/** What an editor sees of an invitation (never the token or its hash). */
export interface InvitationAdminView {
  documentId: string;
  email: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  invitedBy: string | null;
  state: InvitationState;
  /** Whether `GET .../invitations/:invitationId/link` can show its link (open ones only). */
  linkAvailable: boolean;
}

/**
 * An open invitation's single-use link, for an editor to copy and hand over (admin only; the
 * server never logs it). On `server.url` when set, else on the admin request's origin.
 */
export interface InvitationLink {
  documentId: string;
  email: string;
  expiresAt: string;
  link: string;
}

/** `GET /partners/:id/invitations/:invitationId/link` */
export interface InvitationLinkResponse {
  data: InvitationLink;
}
export const invitationLinkParamsSchema = z.object({
  id: documentIdSchema,
  invitationId: documentIdSchema,
});

/** `POST /partners/:id/invite`: the invitation, what the e-mail did, and the link to copy. */
export interface InviteResponse {
  data: InvitationAdminView & Delivery & { link: string };
}

/** `POST /partners/:id/revoke-access` */
export interface RevokeAccessResponse {
  data: { blockedUsers: number; revokedInvitations: number };
}

// ---- Portal team (`/api/partners/portal/team`, partner login) ----

export interface TeamMember {
  /** The users-permissions user id; null for an invitation not accepted yet. */
  id: number | null;
  email: string;
  username: string | null;
  isYou: boolean;
  status: 'active' | 'blocked' | 'invited';
  invitedAt?: string;
}
export interface TeamResponse {
  data: TeamMember[];
}

/** `POST /api/partners/portal/team` */
export const teamInviteRequestSchema = z.strictObject({
  data: z.strictObject({ email: emailSchema }),
});
export type TeamInviteRequest = z.input<typeof teamInviteRequestSchema>;
export interface TeamInviteResponse {
  data: TeamMember & { mailed: boolean };
}

/** `DELETE /api/partners/portal/team/:id` */
export const teamMemberIdSchema = z.coerce.number().int().min(1).max(2_147_483_647);
