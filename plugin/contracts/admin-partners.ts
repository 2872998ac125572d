import { z } from 'zod';
import {
  COMMISSION_STATUSES,
  ENROLLMENT_STATUSES,
  ORDER_STATUSES,
  PARTNER_STATUSES,
  PARTNER_TYPES,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
} from '../model';
import type { Delivery } from './notifications';
import type { InvitationLink } from './partners';
import { rateSchema } from './rules';
import type { OrderEarns } from '../orders/order-earns';
import {
  daySchema,
  slugSchema,
  tierLabelSchema,
  pageQuery,
  Money,
  dateRange,
  rangeMessage,
  PartnerRef,
  ProgramRef,
  documentIdSchema,
} from './admin-common';

/** Partners, referrals, deals and orders in the admin (SPEC §9); part of ./admin.ts. */

// Partners: GET /partners, GET /partners/:id (read or partners.manage), PUT /partners/:id
// (partners.manage). Applications, approval and invitations: the lifecycle routes.

export const listPartnersQuerySchema = z.strictObject({
  status: z.enum(PARTNER_STATUSES).optional(),
  tier: tierLabelSchema.optional(),
  type: z.enum(PARTNER_TYPES).optional(),
  program: slugSchema.optional(),
  /** Name, e-mail or company contains. */
  q: z.string().trim().min(1).max(100).optional(),
  ...pageQuery,
});
export type ListPartnersQuery = z.output<typeof listPartnersQuerySchema>;

export interface PartnerListItem {
  documentId: string;
  name: string;
  email: string;
  company: string | null;
  type: (typeof PARTNER_TYPES)[number] | null;
  tier: string | null;
  status: (typeof PARTNER_STATUSES)[number];
  createdAt: string;
  programs: Array<ProgramRef & { status: (typeof ENROLLMENT_STATUSES)[number] }>;
}

export interface EnrollmentView {
  documentId: string;
  program: ProgramRef | null;
  status: (typeof ENROLLMENT_STATUSES)[number];
  commissionOverride: z.infer<typeof rateSchema> | null;
  termsVersionAccepted: string | null;
  acceptedAt: string | null;
  activatedAt: string | null;
  createdAt: string;
}

export interface PartnerDetail extends PartnerListItem {
  website: string | null;
  notes: string | null;
  directoryListing: boolean;
  referredBy: PartnerRef | null;
  /** Only the kind of method; details stay encrypted. */
  payoutMethod: { type: string } | null;
  enrollments: EnrollmentView[];
  links: Array<{
    documentId: string;
    code: string;
    program: ProgramRef | null;
    path: string | null;
    label: string | null;
  }>;
  counts: { clicks: number; referrals: number; customers: number; recruits: number };
  /** Ledger sums by status, per currency. */
  earnings: Record<(typeof COMMISSION_STATUSES)[number], Money[]>;
  /** The latest payouts (at most 20). */
  payouts: Array<{
    documentId: string;
    amount: number;
    currency: string;
    status: string;
    periodStart: string | null;
    periodEnd: string | null;
    paidAt: string | null;
  }>;
}

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** `PUT /partners/:id` */
export const updatePartnerRequestSchema = z.strictObject({
  data: z
    .strictObject({
      tier: tierLabelSchema.nullable().optional(),
      type: z.enum(PARTNER_TYPES).optional(),
      notes: optionalText(10_000),
      company: optionalText(200),
      website: z
        .url({ protocol: /^https?$/ })
        .max(2048)
        .nullable()
        .optional(),
      directoryListing: z.boolean().optional(),
      enrollments: z
        .array(
          z.strictObject({
            documentId: documentIdSchema,
            commissionOverride: rateSchema.nullable().optional(),
            status: z.enum(ENROLLMENT_STATUSES).optional(),
          })
        )
        .max(100)
        .optional(),
    })
    .refine((patch) => Object.keys(patch).length > 0, 'nothing to change'),
});
export type UpdatePartnerRequest = z.input<typeof updatePartnerRequestSchema>;

/** Blank text is no value: an empty form field stores null. */
const blankToNull = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));

/**
 * `POST /partners` (partners.manage): a partner an editor adds by hand, approved at once in the
 * named programs (the same approval as an application's). `agreementVersion` is the agreement or
 * terms version the partner accepted outside the portal, recorded on every enrollment; without
 * it the partner accepts the programs' terms with the invitation. `invite` also issues the
 * portal invitation.
 */
export const createPartnerRequestSchema = z.strictObject({
  data: z.strictObject({
    name: z.string().trim().min(1).max(200),
    email: z
      .email()
      .max(254)
      .transform((email) => email.toLowerCase()),
    company: blankToNull(200),
    website: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    type: z.enum(PARTNER_TYPES).default('affiliate'),
    tier: tierLabelSchema
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    agreementVersion: blankToNull(64),
    programs: z
      .array(slugSchema)
      .min(1, 'at least one program')
      .max(50)
      .refine((slugs) => new Set(slugs).size === slugs.length, 'each program once'),
    invite: z.boolean().default(false),
  }),
});
export type CreatePartnerRequest = z.input<typeof createPartnerRequestSchema>;
export type CreatePartnerInput = z.output<typeof createPartnerRequestSchema>['data'];

export interface CreatePartnerResponse {
  data: {
    documentId: string;
    name: string;
    email: string;
    status: 'approved';
    enrollments: number;
    /** The invitation when `invite` was asked: what the e-mail did, and the link to copy. */
    invitation: (InvitationLink & Delivery) | null;
  };
}

// Referrals, deals, orders

export const listReferralsQuerySchema = z.strictObject({
  partner: documentIdSchema.optional(),
  program: slugSchema.optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  ...pageQuery,
});
export type ListReferralsQuery = z.output<typeof listReferralsQuerySchema>;

export interface ReferralView {
  documentId: string;
  partner: PartnerRef | null;
  program: ProgramRef | null;
  source: (typeof REFERRAL_SOURCES)[number] | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  externalId: string | null;
  status: (typeof REFERRAL_STATUSES)[number];
  signedUpAt: string | null;
  convertedAt: string | null;
  churnedAt: string | null;
  qualifiedAt: string | null;
  createdAt: string;
}

export const listOrdersQuerySchema = z
  .strictObject({
    status: z.enum(ORDER_STATUSES).optional(),
    partner: documentIdSchema.optional(),
    program: slugSchema.optional(),
    from: daySchema.optional(),
    to: daySchema.optional(),
    ...pageQuery,
  })
  .refine(dateRange, rangeMessage);
export type ListOrdersQuery = z.output<typeof listOrdersQuerySchema>;

export interface OrderView {
  documentId: string;
  externalId: string;
  partner: PartnerRef | null;
  program: ProgramRef | null;
  customerEmail: string | null;
  customerName: string | null;
  amount: number;
  currency: string;
  refundedAmount: number;
  status: (typeof ORDER_STATUSES)[number];
  paidAt: string | null;
  source: string;
  ineligibleReason: string | null;
  /** Whether it earns its partner a commission (plugin/orders/order-earns.ts). */
  earns: OrderEarns;
  createdAt: string;
}
