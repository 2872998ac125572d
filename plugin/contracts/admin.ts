import { z } from 'zod';
import {
  ACTIVATION_EVENTS,
  APPLICATION_MODES,
  ASSET_TYPES,
  ATTRIBUTION_MODELS,
  COMMISSION_KINDS,
  COMMISSION_STATUSES,
  DEAL_STATUSES,
  ENROLLMENT_STATUSES,
  ORDER_STATUSES,
  PARTNER_STATUSES,
  PARTNER_TYPES,
  PROGRAM_STATUSES,
  REFERRAL_DETAILS,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
  TIER_MODES,
  TRIGGERS,
} from '../model';
import { currencySchema, MAX_AMOUNT, orderItemSchema } from './orders';
import { documentIdSchema } from './payouts';
import { programRulesSchema, rateSchema } from './rules';

/**
 * The admin panel's HTTP API (SPEC §9), mounted at `/partners/...` with the admin JWT. Bodies are
 * `{ data }`, answers `{ data, meta }`, lists take `page`/`pageSize` and answer `meta.pagination`.
 * Ids are documentIds. Money is integer minor units with its currency beside it.
 */

export { documentIdSchema };

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** A calendar day "YYYY-MM-DD" (UTC); ranges include both ends. */
export const daySchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day as "YYYY-MM-DD"')
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), 'not a calendar day')
  .refine(
    (day) => new Date(`${day}T00:00:00Z`).toISOString().startsWith(day),
    'not a calendar day'
  );

/** A program's `slug`: lower-case letters, digits and dashes. */
export const slugSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single dashes');

/** A partner tier label ("gold"); free text chosen by the editors. */
export const tierLabelSchema = z.string().trim().min(1).max(64);

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
};

export const paginationSchema = z.object({
  page: z.int(),
  pageSize: z.int(),
  pageCount: z.int(),
  total: z.int(),
});
export type Pagination = z.infer<typeof paginationSchema>;

export const moneySchema = z.object({ amount: z.int(), currency: z.string() });
/** An amount in one currency; totals over several currencies are arrays of these. */
export type Money = z.infer<typeof moneySchema>;

const dateRange = <T extends { from?: string; to?: string }>(query: T) =>
  !query.from || !query.to || query.from <= query.to;
const rangeMessage = { message: '"from" must not be after "to"', path: ['from'] };

export const partnerRefSchema = z.object({ documentId: z.string(), name: z.string() });
export const programRefSchema = partnerRefSchema.extend({ slug: z.string() });
export type PartnerRef = z.infer<typeof partnerRefSchema>;
export type ProgramRef = z.infer<typeof programRefSchema>;

// ---------------------------------------------------------------------------------------------
// GET /overview (permission: read)

export const OVERVIEW_INTERVALS = ['day', 'month'] as const;
export type OverviewInterval = (typeof OVERVIEW_INTERVALS)[number];

/** Without `from`/`to` the last 30 days up to today (UTC). */
export const overviewQuerySchema = z
  .strictObject({
    from: daySchema.optional(),
    to: daySchema.optional(),
    program: slugSchema.optional(),
    tier: tierLabelSchema.optional(),
    partner: documentIdSchema.optional(),
    /** Chart buckets; `day` by default. */
    interval: z.enum(OVERVIEW_INTERVALS).default('day'),
  })
  .refine(dateRange, rangeMessage)
  .refine(
    (query) =>
      !query.from ||
      !query.to ||
      Date.parse(query.to) - Date.parse(query.from) <= 3660 * 24 * 3600 * 1000,
    { message: 'a range of at most ten years', path: ['to'] }
  );
export type OverviewQuery = z.output<typeof overviewQuerySchema>;

export const commissionTotalsSchema = z.object({
  pending: z.array(moneySchema),
  approved: z.array(moneySchema),
  paid: z.array(moneySchema),
});

export const overviewSchema = z.object({
  range: z.object({ from: z.string(), to: z.string(), interval: z.enum(OVERVIEW_INTERVALS) }),
  kpis: z.object({
    /** Human clicks (bots never count). */
    clicks: z.int(),
    /** Human clicks marked unique (one per visitor per link per 24 h). */
    uniqueClicks: z.int(),
    /** Referrals created in the range. */
    referrals: z.int(),
    /** Referrals that became customers (`convertedAt`) in the range. */
    customers: z.int(),
    /** customers / unique clicks, in basis points (0 without clicks). */
    conversionRateBps: z.int(),
    /** Paid attributed orders (by `paidAt`), net of refunds, per currency. */
    attributedRevenue: z.array(moneySchema),
    /** Ledger entries created in the range, by status, per currency (signed sums). */
    commissions: commissionTotalsSchema,
    activation: z.object({ joined: z.int(), activated: z.int(), rateBps: z.int() }),
  }),
  series: z.array(
    z.object({ date: z.string(), clicks: z.int(), referrals: z.int(), customers: z.int() })
  ),
  revenueSeries: z.array(z.object({ date: z.string(), currency: z.string(), amount: z.int() })),
  topPartners: z.array(
    z.object({
      documentId: z.string(),
      name: z.string(),
      revenue: z.array(moneySchema),
      customers: z.int(),
      commissions: z.array(moneySchema),
    })
  ),
  /** Each top partner's share of the attributed revenue in its currency, in basis points. */
  contribution: z.array(
    z.object({
      documentId: z.string(),
      name: z.string(),
      currency: z.string(),
      shareBps: z.int(),
    })
  ),
});
export type Overview = z.infer<typeof overviewSchema>;
export interface OverviewResponse {
  data: Overview;
}

// ---------------------------------------------------------------------------------------------
// Programs: GET /programs, GET /programs/:id (read or programs.manage),
// POST /programs, PUT /programs/:id, POST /programs/preview (programs.manage)

/** An IANA time zone the runtime knows ("Europe/Berlin"). */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as "UTC" or "Europe/Berlin"');

const instantSchema = z.iso.datetime({ offset: true });

/** Every field of a program an editor sets, rules included, with SPEC §4 defaults. */
const programFieldsSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  slug: slugSchema,
  status: z.enum(PROGRAM_STATUSES).default('draft'),
  startsAt: instantSchema.nullable().default(null),
  endsAt: instantSchema.nullable().default(null),
  currency: currencySchema.default('USD'),
  landingUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable()
    .default(null),
  tierMode: z.enum(TIER_MODES).default('one-tier'),
  trigger: z.enum(TRIGGERS).default('sale'),
  ...programRulesSchema.shape,
  autoApprove: z.boolean().default(true),
  attributionModel: z.enum(ATTRIBUTION_MODELS).default('last-click'),
  referralDetail: z.enum(REFERRAL_DETAILS).default('none'),
  showDeclinedCharges: z.boolean().default(false),
  showPurchaseHistory: z.boolean().default(false),
  notifyOnCommission: z.boolean().default(false),
  payoutMinimum: z.int().min(0).max(MAX_AMOUNT).default(10000),
  payoutTermDays: z.int().min(0).max(365).default(0),
  activationEvent: z.enum(ACTIVATION_EVENTS).default('first-conversion'),
  applicationMode: z.enum(APPLICATION_MODES).default('approval'),
  terms: z.string().max(100_000).nullable().default(null),
  termsVersion: z.string().trim().max(64).nullable().default(null),
  timezone: timeZoneSchema.default('UTC'),
});

type ProgramFields = z.output<typeof programFieldsSchema>;

/** Rules that span fields (SPEC §4–§5), shared by create, update and preview. */
const checkProgramRules = (
  program: Pick<
    ProgramFields,
    'tierMode' | 'secondTier' | 'tiers' | 'trigger' | 'productRates' | 'commission'
  > &
    Partial<Pick<ProgramFields, 'startsAt' | 'endsAt' | 'attributionWindowDays'>>,
  ctx: z.RefinementCtx
) => {
  if (program.tierMode === 'two-tier' && !program.secondTier)
    ctx.addIssue({
      code: 'custom',
      path: ['secondTier'],
      message: 'a two-tier program needs the recruiter commission (secondTier)',
    });
  if (program.tierMode === 'one-tier' && program.secondTier)
    ctx.addIssue({
      code: 'custom',
      path: ['secondTier'],
      message: 'only two-tier programs pay a recruiter; set tierMode to two-tier or remove it',
    });
  if (program.startsAt && program.endsAt && program.startsAt >= program.endsAt)
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
  if (program.trigger !== 'sale') {
    const perProduct =
      program.productRates.length > 0 ||
      program.tiers.some((tier) => (tier.productRates ?? []).length > 0);
    if (perProduct)
      ctx.addIssue({
        code: 'custom',
        path: ['productRates'],
        message: 'product rates apply to sales only; signup and qualified-customer pay a bounty',
      });
    if (program.commission.type === 'percentage')
      ctx.addIssue({
        code: 'custom',
        path: ['commission'],
        message: `a ${program.trigger} bounty is a flat amount`,
      });
  }
  if (program.commission.type === 'flat' && program.commission.perUnit)
    ctx.addIssue({
      code: 'custom',
      path: ['commission', 'perUnit'],
      message: 'per-unit amounts belong to product rates',
    });
};

export const programInputSchema = programFieldsSchema.superRefine(checkProgramRules);
export type ProgramInput = z.input<typeof programInputSchema>;
export type ProgramData = z.output<typeof programInputSchema>;

/** `POST /programs` */
export const createProgramRequestSchema = z.strictObject({ data: programInputSchema });
export type CreateProgramRequest = z.input<typeof createProgramRequestSchema>;

/**
 * `PUT /programs/:id`: any subset of the fields; the server merges it over the stored program
 * and validates the result as a whole, like a create.
 */
export const updateProgramRequestSchema = z.strictObject({
  data: programFieldsSchema
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, 'nothing to change'),
});
export type UpdateProgramRequest = z.input<typeof updateProgramRequestSchema>;
/** The program's editable fields; an update merges only the ones present in the body. */
export const programFieldNames = Object.keys(programFieldsSchema.shape) as Array<
  keyof ProgramFields
>;

export const listProgramsQuerySchema = z.strictObject({
  status: z.enum(PROGRAM_STATUSES).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  ...pageQuery,
});
export type ListProgramsQuery = z.output<typeof listProgramsQuerySchema>;

export type ProgramView = ProgramData & {
  documentId: string;
  createdAt: string;
  updatedAt: string;
  /** Approved enrollments. */
  partners: number;
};

/** The program fields the engine reads, as the editor holds them (unsaved) for a preview. */
export const previewProgramSchema = z
  .strictObject({
    name: z.string().max(200).optional(),
    currency: currencySchema.default('USD'),
    tierMode: z.enum(TIER_MODES).default('one-tier'),
    trigger: z.enum(TRIGGERS).default('sale'),
    ...programRulesSchema.shape,
    timezone: timeZoneSchema.default('UTC'),
  })
  .superRefine(checkProgramRules);

export const previewOrderSchema = z.strictObject({
  amount: z.int().min(0).max(MAX_AMOUNT),
  currency: currencySchema.optional(),
  items: z.array(orderItemSchema).max(100).optional(),
  /** The partner's tier metric (customers, conversions or revenue) when the order is paid. */
  tierMetricValue: z.int().min(0).max(MAX_AMOUNT).default(0),
  /** A repeat order `monthsAfterFirst` months after the customer's first paid order. */
  monthsAfterFirst: z.int().min(0).max(1200).default(0),
  /** An enrollment's `commissionOverride` to try. */
  commissionOverride: rateSchema.nullable().default(null),
});

/** `POST /programs/preview` */
export const previewRequestSchema = z.strictObject({
  data: z.strictObject({
    program: previewProgramSchema,
    orders: z.array(previewOrderSchema).min(1).max(20),
  }),
});
export type PreviewRequest = z.input<typeof previewRequestSchema>;

export const previewEntrySchema = z.object({
  level: z.union([z.literal(1), z.literal(2)]),
  /** Who earns it: the partner (level 1) or its recruiter (level 2). */
  recipient: z.enum(['partner', 'recruiter']),
  kind: z.enum(COMMISSION_KINDS),
  amount: z.int(),
  currency: z.string(),
  explanation: z.object({ summary: z.string(), steps: z.array(z.string()) }),
  /** "the partner earns $20.00" */
  text: z.string(),
});
export const previewResultSchema = z.object({
  /** Index of the order in the request. */
  order: z.int(),
  eligible: z.boolean(),
  ineligibleReason: z.string().nullable(),
  entries: z.array(previewEntrySchema),
  /** "A $100.00 order pays the partner $20.00 and the recruiter $5.00." */
  text: z.string(),
});
export type PreviewResult = z.infer<typeof previewResultSchema>;
export interface PreviewResponse {
  data: PreviewResult[];
}

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
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

export const listDealsQuerySchema = z.strictObject({
  status: z.enum(DEAL_STATUSES).optional(),
  partner: documentIdSchema.optional(),
  program: slugSchema.optional(),
  ...pageQuery,
});
export type ListDealsQuery = z.output<typeof listDealsQuerySchema>;

export interface DealView {
  documentId: string;
  partner: PartnerRef | null;
  program: ProgramRef | null;
  company: string | null;
  contactEmail: string | null;
  contactName: string | null;
  estimatedValue: number | null;
  currency: string | null;
  status: (typeof DEAL_STATUSES)[number];
  expiresAt: string | null;
  decisionNote: string | null;
  createdAt: string;
}

/** `POST /deals/:id/approve`; a deal without an expiry gets one (`expiresInDays`, 90). */
export const approveDealRequestSchema = z.strictObject({
  data: z
    .strictObject({
      note: z.string().trim().min(1).max(1000).optional(),
      expiresInDays: z.int().min(1).max(3650).optional(),
    })
    .prefault({}),
});
export type ApproveDealRequest = z.input<typeof approveDealRequestSchema>;

/** `POST /deals/:id/reject` */
export const rejectDealRequestSchema = z.strictObject({
  data: z.strictObject({ note: z.string().trim().min(1).max(1000) }),
});
export type RejectDealRequest = z.input<typeof rejectDealRequestSchema>;

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
  createdAt: string;
}

// ---------------------------------------------------------------------------------------------
// Commissions: GET /commissions, GET /commissions/export (read);
// POST /commissions/approve, POST /commissions/reject (commissions.approve)

const commissionFilters = {
  status: z.enum(COMMISSION_STATUSES).optional(),
  program: slugSchema.optional(),
  partner: documentIdSchema.optional(),
  kind: z.enum(COMMISSION_KINDS).optional(),
  currency: currencySchema.optional(),
  /** Created on or after this day (UTC). */
  from: daySchema.optional(),
  /** Created on or before this day (UTC). */
  to: daySchema.optional(),
};

export const listCommissionsQuerySchema = z
  .strictObject({ ...commissionFilters, ...pageQuery })
  .refine(dateRange, rangeMessage);
export type ListCommissionsQuery = z.output<typeof listCommissionsQuerySchema>;

export const exportCommissionsQuerySchema = z
  .strictObject(commissionFilters)
  .refine(dateRange, rangeMessage);
export type ExportCommissionsQuery = z.output<typeof exportCommissionsQuerySchema>;
/** Columns of the CSV export, in order. */
export const COMMISSION_EXPORT_COLUMNS = [
  'id',
  'createdAt',
  'partner',
  'partnerEmail',
  'program',
  'order',
  'level',
  'kind',
  'status',
  'basisAmount',
  'amount',
  'currency',
  'availableAt',
  'approvedAt',
  'paidAt',
  'explanation',
  'note',
] as const;

export interface CommissionView {
  documentId: string;
  partner: PartnerRef | null;
  program: ProgramRef | null;
  order: { documentId: string; externalId: string } | null;
  level: 1 | 2;
  kind: (typeof COMMISSION_KINDS)[number];
  basisAmount: number;
  amount: number;
  currency: string;
  status: (typeof COMMISSION_STATUSES)[number];
  availableAt: string | null;
  approvedAt: string | null;
  paidAt: string | null;
  /** The explanation's one-line summary; the steps are on the entry in the Content Manager. */
  explanation: string | null;
  note: string | null;
  createdAt: string;
}

const commissionIds = z
  .array(documentIdSchema)
  .min(1)
  .max(1000)
  .refine((ids) => new Set(ids).size === ids.length, 'each id once');

/** `POST /commissions/approve`: only `pending` entries change. */
export const approveCommissionsRequestSchema = z.strictObject({
  data: z.strictObject({ ids: commissionIds }),
});
export type ApproveCommissionsRequest = z.input<typeof approveCommissionsRequestSchema>;

/** `POST /commissions/reject`: `pending` entries become `rejected` with the reason as `note`. */
export const rejectCommissionsRequestSchema = z.strictObject({
  data: z.strictObject({ ids: commissionIds, reason: z.string().trim().min(1).max(1000) }),
});
export type RejectCommissionsRequest = z.input<typeof rejectCommissionsRequestSchema>;

export const bulkResultSchema = z.object({
  /** Entries that changed. */
  updated: z.int(),
  /** Ids that were not pending (or do not exist) and were left alone. */
  skipped: z.int(),
});
export interface BulkCommissionsResponse {
  data: z.infer<typeof bulkResultSchema>;
}

// ---------------------------------------------------------------------------------------------
// Assets (programs.manage): GET /assets, POST /assets, PUT /assets/:id, DELETE /assets/:id

export const listAssetsQuerySchema = z.strictObject({
  program: slugSchema.optional(),
  type: z.enum(ASSET_TYPES).optional(),
  ...pageQuery,
});
export type ListAssetsQuery = z.output<typeof listAssetsQuerySchema>;

const assetFields = {
  /** The program's documentId; null: shown in every program. */
  program: documentIdSchema.nullable(),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).nullable(),
  type: z.enum(ASSET_TYPES),
  /** An uploaded file (media library id). */
  file: z.int().min(1).nullable(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable(),
};

export const createAssetRequestSchema = z.strictObject({
  data: z
    .strictObject({
      ...assetFields,
      program: assetFields.program.default(null),
      description: assetFields.description.default(null),
      file: assetFields.file.default(null),
      url: assetFields.url.default(null),
    })
    .refine((asset) => asset.file !== null || asset.url !== null || asset.type === 'copy', {
      message: 'a file or a url (only copy may have neither)',
      path: ['url'],
    }),
});
export type CreateAssetRequest = z.input<typeof createAssetRequestSchema>;

export const updateAssetRequestSchema = z.strictObject({
  data: z
    .strictObject(assetFields)
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, 'nothing to change'),
});
export type UpdateAssetRequest = z.input<typeof updateAssetRequestSchema>;

export interface AssetView {
  documentId: string;
  program: ProgramRef | null;
  title: string;
  description: string | null;
  type: (typeof ASSET_TYPES)[number];
  file: { id: number; name: string; url: string; mime: string | null } | null;
  url: string | null;
  createdAt: string;
}

// ---------------------------------------------------------------------------------------------
// Settings (settings.manage): GET /settings, PUT /settings

/** What editors may change at run time (stored in Strapi's store, over config/plugins.ts). */
export const settingsOverridesSchema = z.strictObject({
  portal: z
    .strictObject({
      title: z.string().trim().min(1).max(100).optional(),
      logoUrl: z
        .url({ protocol: /^https?$/ })
        .max(2048)
        .nullable()
        .optional(),
      primaryColor: z
        .string()
        .regex(/^#[0-9a-f]{6}$/i, 'a colour as "#rrggbb"')
        .optional(),
    })
    .optional(),
  jobs: z.strictObject({ enabled: z.boolean().optional() }).optional(),
});
export type SettingsOverrides = z.output<typeof settingsOverridesSchema>;

export const updateSettingsRequestSchema = z.strictObject({ data: settingsOverridesSchema });
export type UpdateSettingsRequest = z.input<typeof updateSettingsRequestSchema>;

/** A secret is never returned: only whether it is configured. */
export type SecretState = 'set' | 'not set';

export interface SettingsView {
  /** The configuration in force: config/plugins.ts, defaults, then the stored overrides. */
  effective: {
    portal: { path: string; title: string; logoUrl: string | null; primaryColor: string };
    partners: { invitationTtlHours: number; encryptionKey: SecretState };
    tracking: { shortPath: string | null; ipSalt: SecretState; fallbackUrl: string | null };
    stripe: { secretKey: SecretState; webhookSecret: SecretState; apiBase: string | null };
    orders: { contentType: string | null; amountUnit: 'minor' | 'major' };
    jobs: { enabled: boolean };
    notifications: { enabled: boolean; from: string | null; replyTo: string | null };
  };
  overrides: SettingsOverrides;
}
export interface SettingsResponse {
  data: SettingsView;
}

/** `/:id` of every admin route: a documentId. */
export const idParamSchema = documentIdSchema;

export type ListResponse<T> = { data: T[]; meta: { pagination: Pagination } };
