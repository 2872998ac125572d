import { z } from 'zod';
import {
  ACTIVATION_EVENTS,
  APPLICATION_MODES,
  ATTRIBUTION_MODELS,
  COMMISSION_KINDS,
  DEAL_CONFLICT_MODES,
  PROGRAM_STATUSES,
  REFERRAL_DETAILS,
  TIER_MODES,
  TRIGGERS,
} from '../model';
import { currencySchema, MAX_AMOUNT, orderItemSchema } from './orders';
import { programRulesSchema, rateSchema } from './rules';
import { slugSchema, pageQuery } from './admin-common';
import { programEmailTemplatesSchema } from './notifications';

/** Programs and the rule preview in the admin (SPEC §4–§5, §9); part of ./admin.ts. */

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
  /** Sale programs: a customer who churns loses the commissions still in their hold. */
  reverseOnChurn: z.boolean().default(false),
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
  /** Portal rules: links a partner may have in the program (the default one included)… */
  partnerLinkLimit: z.int().min(1).max(1000).default(10),
  /** …and whether partners may choose their own codes. */
  vanityCodes: z.boolean().default(false),
  /** A deal registration for a customer another open one claims: refused, or held for an editor. */
  dealConflicts: z.enum(DEAL_CONFLICT_MODES).default('refuse'),
  /** The program's wording of its own messages over the global templates (none: global). */
  emailTemplates: programEmailTemplatesSchema.default({}),
});

type ProgramFields = z.output<typeof programFieldsSchema>;

/** Rules that span fields (SPEC §4–§5), shared by create, update and preview. */
const checkProgramRules = (
  program: Pick<
    ProgramFields,
    'tierMode' | 'secondTier' | 'tiers' | 'trigger' | 'productRates' | 'commission'
  > &
    Partial<
      Pick<ProgramFields, 'startsAt' | 'endsAt' | 'attributionWindowDays' | 'reverseOnChurn'>
    >,
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
  if (program.trigger !== 'sale' && program.reverseOnChurn)
    ctx.addIssue({
      code: 'custom',
      path: ['reverseOnChurn'],
      message: `only sale programs reverse commissions on churn; a ${program.trigger} bounty is earned once`,
    });
  if (program.trigger !== 'sale') {
    // A qualified customer's bounty follows the plan of its latest paid order; a signup has none.
    const perProduct =
      program.productRates.length > 0 ||
      program.tiers.some((tier) => (tier.productRates ?? []).length > 0);
    if (perProduct && program.trigger === 'signup')
      ctx.addIssue({
        code: 'custom',
        path: ['productRates'],
        message:
          'a signup has no products: product rates apply to sales and qualified customers only',
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
