import { z } from 'zod';
import { FRAUD_ACTIONS, TIER_METRICS } from '../model';

/**
 * The JSON rule fields of a program (SPEC §4, §5): what the admin form sends, what the server
 * stores and what the commission engine reads. Money is integer minor units, rates basis points.
 */

const minorUnits = z.int().min(0);

export const percentageRateSchema = z.object({
  type: z.literal('percentage'),
  bps: z.int().min(0).max(10_000),
});

export const flatRateSchema = z.object({
  type: z.literal('flat'),
  amount: minorUnits,
  /** Only meaningful in a product rate: pay `amount` for each unit of the product. */
  perUnit: z.boolean().optional(),
});

export const rateSchema = z.discriminatedUnion('type', [percentageRateSchema, flatRateSchema]);
export type PercentageRate = z.infer<typeof percentageRateSchema>;
export type FlatRate = z.infer<typeof flatRateSchema>;
export type Rate = z.infer<typeof rateSchema>;

export const productRateSchema = z.object({
  product: z.string().trim().min(1).max(255),
  commission: rateSchema,
});
export type ProductRate = z.infer<typeof productRateSchema>;

export const productRatesSchema = z
  .array(productRateSchema)
  .refine(
    (rates) => new Set(rates.map((rate) => rate.product)).size === rates.length,
    'each product may have one rate only'
  );

export const tierSchema = z.object({
  /** Shown to partners ("Gold tier"); tiers without a name are numbered. */
  name: z.string().trim().min(1).max(100).optional(),
  /** In the unit of the program's `tierMetric`: customers, conversions or minor units of revenue. */
  threshold: z.int().min(0),
  commission: rateSchema,
  productRates: productRatesSchema.optional(),
});
export type Tier = z.infer<typeof tierSchema>;

export const tiersSchema = z
  .array(tierSchema)
  .refine(
    (tiers) => new Set(tiers.map((tier) => tier.threshold)).size === tiers.length,
    'two tiers cannot share a threshold'
  );

export const SECOND_TIER_BASES = ['sale', 'commission'] as const;
export type SecondTierBasis = (typeof SECOND_TIER_BASES)[number];

export const secondTierSchema = z.object({
  commission: rateSchema,
  /** `sale`: a share of the order; `commission`: a share of the level-1 partner's commission. */
  basis: z.enum(SECOND_TIER_BASES),
});
export type SecondTier = z.infer<typeof secondTierSchema>;

export const eligibilitySchema = z.object({
  minOrderAmount: minorUnits.nullish(),
  /** Allow-list of product identifiers; empty or absent means every product earns. */
  products: z.array(z.string().trim().min(1)).nullish(),
  excludePartnerPaid: z.boolean().default(true),
  excludeSelfReferral: z.boolean().default(true),
  newCustomersOnly: z.boolean().default(false),
});
export type EligibilityInput = z.input<typeof eligibilitySchema>;
export type Eligibility = z.output<typeof eligibilitySchema>;

const fraudAction = z.enum(FRAUD_ACTIONS).default('off');

/**
 * What each fraud signal does (SPEC §10): `off`, `flag` (the entry is marked, nothing else),
 * `hold` (the entry waits in `on-hold` for an editor) or `reject`. All are off by default.
 */
export const fraudSignalsSchema = z
  .object({
    selfReferral: fraudAction,
    clickVelocity: fraudAction,
    disposableEmail: fraudAction,
    sharedCustomer: fraudAction,
    largeCommission: fraudAction,
    paidTraffic: fraudAction,
    /** `largeCommission` fires when a level-1 entry is above this many minor units. */
    largeCommissionAmount: minorUnits.nullish(),
    /** `clickVelocity` fires on the (N+1)th click of one IP hash or visitor within a minute. */
    clicksPerMinute: z.int().min(1).max(10_000).default(10),
  })
  .refine(
    (settings) => settings.largeCommission === 'off' || settings.largeCommissionAmount != null,
    { path: ['largeCommissionAmount'], message: 'the large-commission signal needs an amount' }
  );
export type FraudSignalsInput = z.input<typeof fraudSignalsSchema>;
export type FraudSignals = z.output<typeof fraudSignalsSchema>;

/** Every commission rule of a program, with SPEC §4 defaults; the admin form's contract. */
export const programRulesSchema = z.object({
  commission: rateSchema,
  productRates: productRatesSchema.default([]),
  tierMetric: z.enum(TIER_METRICS).default('active-customers'),
  tiers: tiersSchema.default([]),
  secondTier: secondTierSchema.nullable().default(null),
  recurringMonths: z.int().min(0).nullable().default(null),
  holdDays: z.int().min(0).max(3650).default(30),
  qualificationDays: z.int().min(0).max(3650).default(90),
  attributionWindowDays: z.int().min(1).max(3650).nullable().default(60),
  eligibility: eligibilitySchema.prefault({}),
  fraudSignals: fraudSignalsSchema.prefault({}),
});
export type ProgramRulesInput = z.input<typeof programRulesSchema>;
export type ProgramRules = z.output<typeof programRulesSchema>;

/**
 * The rate stored on a commission (`commission.rate`): the rate applied, or one rate per line
 * when the lines of an order earned at different rates.
 */
export const rateSnapshotSchema = z.union([
  rateSchema,
  z.object({
    type: z.literal('per-line'),
    lines: z.array(
      z.object({
        product: z.string().nullable(),
        rate: rateSchema,
        basisAmount: z.int(),
        amount: z.int(),
      })
    ),
  }),
]);
export type RateSnapshot = z.infer<typeof rateSnapshotSchema>;
