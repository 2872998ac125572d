import { z } from 'zod';
import {
  ASSET_TYPES,
  COMMISSION_KINDS,
  COMMISSION_STATUSES,
  ENROLLMENT_STATUSES,
  PARTNER_STATUSES,
  PARTNER_TYPES,
  REFERRAL_DETAILS,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
  TIER_MODES,
} from '../model';
import { linkChangeSchema, linkOriginSchema, linkStatusSchema, newLinkFields } from './links';
import { currencySchema } from './orders';
import { documentIdSchema, periodSchema } from './payouts';
import {
  emailSchema,
  moneySchema,
  optionalText,
  pageSchema,
  pageSizeSchema,
  paginationSchema,
  programRefSchema,
  programSlugSchema,
  requiredText,
} from './portal-common';

/**
 * The partner portal's API (SPEC §8), `/api/partners/portal/*` with a users-permissions JWT.
 * Every route answers for the signed-in partner only. Query schemas are strict: an unknown key
 * (`filters[...]`, `populate`, `fields`, `sort`, a `partner` id, …) is a 400, never a wider scope.
 * `pageSize` above 100 is clamped to 100. Team routes live in `contracts/partners.ts`.
 * Payouts, the payout method, deals and sub-partners are in `portal-account.ts`; both files'
 * schemas are exported from here.
 */
export * from './portal-common';
export * from './portal-account';
export type { PortalAgreements, PortalFile } from './media';

/* ---------------------------------------------------------------- GET /me */

export const portalProgramSchema = z.object({
  slug: z.string(),
  name: z.string(),
  currency: z.string(),
  tierMode: z.enum(TIER_MODES),
  referralDetail: z.enum(REFERRAL_DETAILS),
  showDeclinedCharges: z.boolean(),
  showPurchaseHistory: z.boolean(),
  termsVersion: z.string().nullable(),
  enrollmentStatus: z.enum(ENROLLMENT_STATUSES),
});
export type PortalProgram = z.infer<typeof portalProgramSchema>;

/** The partner as its portal shows it: `/me` and the profile's answer. */
export const portalProfileSchema = z.object({
  documentId: z.string(),
  name: z.string(),
  email: z.string(),
  company: z.string().nullable(),
  website: z.string().nullable(),
  type: z.enum(PARTNER_TYPES),
  tier: z.string().nullable(),
  status: z.enum(PARTNER_STATUSES),
});
export type PortalProfile = z.infer<typeof portalProfileSchema>;

export const meResponseSchema = z.object({
  data: z.object({
    partner: portalProfileSchema,
    user: z.object({ email: z.string() }),
    programs: z.array(portalProgramSchema),
    /** Where recruits apply (two-tier programs); null when the partner recruits nowhere. */
    recruitUrl: z.string().nullable(),
    portal: z.object({
      title: z.string(),
      logoUrl: z.string().nullable(),
      primaryColor: z.string(),
    }),
  }),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/** A cleared field: an empty string is stored as null. */
const clearable = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal('').transform(() => null), schema])
    .nullable()
    .optional();

/**
 * `PUT /portal/profile`: the partner's own contact name, company and website (http(s) only).
 * The e-mail is the partner's sign-in and stays with editors; type, tier and notes are theirs too.
 */
export const updateProfileRequestSchema = z.strictObject({
  data: z
    .strictObject({
      name: requiredText(200).optional(),
      company: clearable(requiredText(200)),
      website: clearable(z.url({ protocol: /^https?$/ }).max(2048)),
    })
    .refine((patch) => Object.keys(patch).length > 0, 'nothing to change'),
});
export type UpdateProfileRequest = z.input<typeof updateProfileRequestSchema>;
export const profileResponseSchema = z.object({ data: portalProfileSchema });
export type ProfileResponse = z.infer<typeof profileResponseSchema>;

/* ---------------------------------------------------------------- links */

export const portalLinkSchema = z.object({
  documentId: z.string(),
  code: z.string(),
  label: z.string().nullable(),
  path: z.string().nullable(),
  program: programRefSchema,
  /** The short tracking URL, absolute. */
  url: z.string(),
  /** Clicks counted (bots excluded), all time. */
  clicks: z.int(),
  /** A disabled link still redirects but attributes nothing new. */
  status: linkStatusSchema,
  /** `partner`: added in the portal (the partner may disable it); `default`: from approval. */
  origin: linkOriginSchema.nullable(),
});
export type PortalLink = z.infer<typeof portalLinkSchema>;

/** A program the partner is approved in, with its rules for the partner's own links. */
export const portalLinkProgramSchema = programRefSchema.extend({
  /** Links the partner may have there, the default one and disabled ones included. */
  partnerLinkLimit: z.int(),
  /** The partner may choose its own codes there. */
  vanityCodes: z.boolean(),
  /** Links the partner has there now. */
  links: z.int(),
});
export type PortalLinkProgram = z.infer<typeof portalLinkProgramSchema>;

export const linksResponseSchema = z.object({
  data: z.array(portalLinkSchema),
  meta: z.object({ programs: z.array(portalLinkProgramSchema) }),
});
export type LinksResponse = z.infer<typeof linksResponseSchema>;

/**
 * `POST /links`: a labelled deep link in one of the partner's programs, up to the program's
 * `partnerLinkLimit`; a `code` of the partner's own only where the program has `vanityCodes`.
 */
export const createLinkRequestSchema = z.strictObject({
  data: z.strictObject({ program: programSlugSchema, ...newLinkFields }),
});
export type CreateLinkRequest = z.input<typeof createLinkRequestSchema>;

/**
 * `PUT /links/:id`: label and path of any of the partner's links; the code where the program has
 * `vanityCodes`; `status` (disable, enable) of the links the partner added. Another partner's
 * link is a 404.
 */
export const updateLinkRequestSchema = z.strictObject({ data: linkChangeSchema });
export type UpdateLinkRequest = z.input<typeof updateLinkRequestSchema>;
export const linkResponseSchema = z.object({ data: portalLinkSchema });
export type LinkResponse = z.infer<typeof linkResponseSchema>;

/** `POST /links/build`: a deep link on the program's landing host. */
export const buildLinkRequestSchema = z.strictObject({
  data: z.strictObject({
    link: documentIdSchema,
    /** A path (or same-host URL) on the program's landing host, e.g. `/pricing?x=1`. */
    to: z.string().trim().min(1).max(2048),
  }),
});
export type BuildLinkRequest = z.input<typeof buildLinkRequestSchema>;
export const buildLinkResponseSchema = z.object({ data: z.object({ url: z.string() }) });
export type BuildLinkResponse = z.infer<typeof buildLinkResponseSchema>;

/* ---------------------------------------------------------------- stats */

export const STATS_RANGES = ['7d', '4w', '6m'] as const;
export type StatsRange = (typeof STATS_RANGES)[number];

export const statsQuerySchema = z.strictObject({
  range: z.enum(STATS_RANGES).default('4w'),
  program: programSlugSchema.optional(),
});
export type StatsQuery = z.output<typeof statsQuerySchema>;

export const statsPointSchema = z.object({
  /** First day of the bucket, `YYYY-MM-DD` (UTC). */
  start: z.string(),
  clicks: z.int(),
  referrals: z.int(),
  /** Referrals that signed up (`signedUpAt`) in the bucket. */
  signUps: z.int(),
  /** Referrals that became paying customers (`convertedAt`) in the bucket. */
  customers: z.int(),
});
export type StatsPoint = z.infer<typeof statsPointSchema>;

export const statsResponseSchema = z.object({
  data: z.object({
    range: z.enum(STATS_RANGES),
    interval: z.enum(['day', 'week']),
    /** Counts over the range's buckets; earnings are all time, whatever the range. */
    totals: z.object({
      clicks: z.int(),
      referrals: z.int(),
      signUps: z.int(),
      customers: z.int(),
      /** Pending entries (waiting for approval), per currency, all time. */
      pendingEarnings: z.array(moneySchema),
      /** Approved entries not paid yet, per currency, all time. */
      approvedEarnings: z.array(moneySchema),
    }),
    series: z.array(statsPointSchema),
  }),
});
export type StatsResponse = z.infer<typeof statsResponseSchema>;

/* ---------------------------------------------------------------- referrals */

export const listReferralsQuerySchema = z.strictObject({
  status: z.enum(REFERRAL_STATUSES).optional(),
  program: programSlugSchema.optional(),
  page: pageSchema,
  pageSize: pageSizeSchema,
});
export type ListReferralsQuery = z.output<typeof listReferralsQuerySchema>;
export const exportReferralsQuerySchema = z.strictObject({
  status: z.enum(REFERRAL_STATUSES).optional(),
  program: programSlugSchema.optional(),
});
export type ExportReferralsQuery = z.output<typeof exportReferralsQuerySchema>;

export const purchaseSchema = z.object({
  date: z.string(),
  amount: z.int(),
  currency: z.string(),
  status: z.string(),
});
export type Purchase = z.infer<typeof purchaseSchema>;
export const declinedChargeSchema = z.object({
  date: z.string(),
  amount: z.int(),
  currency: z.string(),
  reason: z.string().nullable(),
});
export type DeclinedCharge = z.infer<typeof declinedChargeSchema>;

/**
 * A referred contact as its partner sees it (plugin/privacy/project-referral.ts). Optional keys
 * are absent, never null, when the program's `referralDetail` does not allow them.
 */
export const portalReferralSchema = z.strictObject({
  /** Anonymous and stable: `R-` and a hash of the referral and the partner. */
  id: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  source: z.enum(REFERRAL_SOURCES),
  program: programRefSchema,
  createdAt: z.string(),
  signedUpAt: z.string().nullable(),
  convertedAt: z.string().nullable(),
  name: z.string().optional(),
  email: z.string().optional(),
  externalId: z.string().optional(),
  purchases: z.array(purchaseSchema).optional(),
  declinedCharges: z.array(declinedChargeSchema).optional(),
});
export type PortalReferral = z.infer<typeof portalReferralSchema>;

export const referralsResponseSchema = z.object({
  data: z.array(portalReferralSchema),
  meta: z.object({ pagination: paginationSchema }),
});
export type ReferralsResponse = z.infer<typeof referralsResponseSchema>;

/* ---------------------------------------------------------------- commissions */

export const listCommissionsQuerySchema = z.strictObject({
  status: z.enum(COMMISSION_STATUSES).optional(),
  program: programSlugSchema.optional(),
  page: pageSchema,
  pageSize: pageSizeSchema,
});
export type ListCommissionsQuery = z.output<typeof listCommissionsQuerySchema>;
export const exportCommissionsQuerySchema = z.strictObject({
  status: z.enum(COMMISSION_STATUSES).optional(),
  program: programSlugSchema.optional(),
});
export type ExportCommissionsQuery = z.output<typeof exportCommissionsQuerySchema>;

export const portalCommissionSchema = z.object({
  documentId: z.string(),
  createdAt: z.string(),
  kind: z.enum(COMMISSION_KINDS),
  level: z.int(),
  status: z.enum(COMMISSION_STATUSES),
  amount: z.int(),
  currency: z.string(),
  availableAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  /** Why this amount: the explanation's summary and its steps. */
  explanation: z.object({ summary: z.string(), steps: z.array(z.string()) }).nullable(),
  program: programRefSchema.nullable(),
  /** The referred contact, as the program's `referralDetail` allows ("Jane D. (R-…)", "R-…"). */
  referral: z.string().nullable(),
});
export type PortalCommission = z.infer<typeof portalCommissionSchema>;
export const commissionsResponseSchema = z.object({
  data: z.array(portalCommissionSchema),
  meta: z.object({ pagination: paginationSchema }),
});
export type CommissionsResponse = z.infer<typeof commissionsResponseSchema>;

/* ---------------------------------------------------------------- statements */

export const statementsResponseSchema = z.object({
  data: z.array(z.object({ month: z.string(), currency: z.string() })),
});
export type StatementsResponse = z.infer<typeof statementsResponseSchema>;

export const statementMonthParamSchema = periodSchema;
export const statementQuerySchema = z.strictObject({
  /** Defaults to the partner's first currency with activity that month. */
  currency: currencySchema.optional(),
});
export type PortalStatementQuery = z.output<typeof statementQuerySchema>;

export const statementEntrySchema = z.object({
  at: z.string(),
  type: z.enum(['entry', 'reversal']),
  kind: z.enum(COMMISSION_KINDS),
  amount: z.int(),
  summary: z.string().nullable(),
  /** The referred contact, projected like everywhere else in the portal. */
  referral: z.string().nullable(),
});
export type StatementEntry = z.infer<typeof statementEntrySchema>;

export const statementResponseSchema = z.object({
  data: z.object({
    month: z.string(),
    currency: z.string(),
    openingBalance: z.int(),
    entries: z.array(statementEntrySchema),
    payouts: z.array(
      z.object({ at: z.string(), amount: z.int(), reference: z.string().nullable() })
    ),
    totals: z.object({ earned: z.int(), deducted: z.int(), paidOut: z.int() }),
    closingBalance: z.int(),
  }),
});
export type StatementResponse = z.infer<typeof statementResponseSchema>;

/* ---------------------------------------------------------------- assets */

export const portalAssetSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  type: z.enum(ASSET_TYPES),
  url: z.string().nullable(),
  fileUrl: z.string().nullable(),
  program: programRefSchema,
});
export type PortalAsset = z.infer<typeof portalAssetSchema>;
export const assetsResponseSchema = z.object({ data: z.array(portalAssetSchema) });
export type AssetsResponse = z.infer<typeof assetsResponseSchema>;

/* ---------------------------------------------------------------- leads */

export const listLeadsQuerySchema = z.strictObject({
  program: programSlugSchema.optional(),
  page: pageSchema,
  pageSize: pageSizeSchema,
});
export type ListLeadsQuery = z.output<typeof listLeadsQuerySchema>;

export const createLeadRequestSchema = z.strictObject({
  data: z.strictObject({
    program: programSlugSchema,
    email: emailSchema,
    firstName: optionalText(100),
    lastName: optionalText(100),
    company: optionalText(200),
  }),
});
export type CreateLeadRequest = z.input<typeof createLeadRequestSchema>;
export type CreateLeadInput = z.output<typeof createLeadRequestSchema>['data'];
export const leadResponseSchema = z.object({ data: portalReferralSchema });
export type LeadResponse = z.infer<typeof leadResponseSchema>;

/** Routes without query parameters accept none. */
export const emptyQuerySchema = z.strictObject({});
