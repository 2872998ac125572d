/**
 * The vocabulary of the data model (SPEC §4): every enumeration a content type stores, as
 * `as const` tuples with derived types, so the schemas, the engine and the contracts agree.
 */

export const PROGRAM_STATUSES = ['draft', 'active', 'archived'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

export const TIER_MODES = ['one-tier', 'two-tier'] as const;
export type TierMode = (typeof TIER_MODES)[number];

export const TRIGGERS = ['sale', 'signup', 'qualified-customer'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const TIER_METRICS = [
  'active-customers',
  'active-customers-in-month',
  'conversions-in-month',
  'revenue-in-month',
] as const;
export type TierMetric = (typeof TIER_METRICS)[number];

export const ATTRIBUTION_MODELS = ['first-click', 'last-click'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** How much of a referred contact a partner may see, from least to most. */
export const REFERRAL_DETAILS = [
  'none',
  'first-name-last-initial',
  'full-name',
  'full-name-email',
  'contact-id',
] as const;
export type ReferralDetail = (typeof REFERRAL_DETAILS)[number];

export const ACTIVATION_EVENTS = [
  'first-click',
  'first-referral',
  'first-conversion',
  'first-commission',
] as const;
export type ActivationEvent = (typeof ACTIVATION_EVENTS)[number];

export const APPLICATION_MODES = ['open', 'approval', 'invite-only'] as const;
export type ApplicationMode = (typeof APPLICATION_MODES)[number];

export const PARTNER_TYPES = [
  'affiliate',
  'agency',
  'reseller',
  'integration',
  'customer',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const PARTNER_STATUSES = ['applied', 'approved', 'suspended', 'rejected'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const ENROLLMENT_STATUSES = ['applied', 'approved', 'rejected', 'suspended'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export const REFERRAL_SOURCES = ['link', 'coupon', 'lead', 'deal', 'api', 'manual'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const REFERRAL_STATUSES = ['lead', 'signed-up', 'customer', 'churned', 'rejected'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const DEAL_STATUSES = [
  'submitted',
  'approved',
  'rejected',
  'won',
  'lost',
  'expired',
] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
/** Deals that still hold their claim on a customer (until `expiresAt`). */
export const OPEN_DEAL_STATUSES = [
  'submitted',
  'approved',
] as const satisfies readonly DealStatus[];
/** What a program does with a registration for a customer another open one already claims. */
export const DEAL_CONFLICT_MODES = ['refuse', 'hold'] as const;
export type DealConflictMode = (typeof DEAL_CONFLICT_MODES)[number];

export const ORDER_STATUSES = [
  'pending',
  'paid',
  'failed',
  'refunded',
  'partially-refunded',
  'disputed',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_SOURCES = ['api', 'stripe', 'content-type', 'admin'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

export const COMMISSION_KINDS = [
  'sale',
  'recurring',
  'signup',
  'qualified-customer',
  'bonus',
  'adjustment',
  'clawback',
] as const;
export type CommissionKind = (typeof COMMISSION_KINDS)[number];

/** `on-hold`: a fraud signal holds the entry until an editor releases (to `pending`) or rejects it. */
export const COMMISSION_STATUSES = [
  'pending',
  'on-hold',
  'approved',
  'paid',
  'reversed',
  'rejected',
] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];

export const PAYOUT_STATUSES = ['pending', 'processing', 'paid', 'failed', 'cancelled'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export const ASSET_TYPES = ['banner', 'logo', 'copy', 'guide'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export const PAYOUT_METHOD_TYPES = ['paypal', 'bank', 'stripe', 'credit'] as const;
export type PayoutMethodType = (typeof PAYOUT_METHOD_TYPES)[number];

/** The fraud signals a program can watch (SPEC §10), each set to one of FRAUD_ACTIONS. */
export const FRAUD_SIGNALS = [
  'self-referral',
  'click-velocity',
  'disposable-email',
  'shared-customer',
  'large-commission',
  'paid-traffic',
] as const;
export type FraudSignal = (typeof FRAUD_SIGNALS)[number];

/** What a signal does to the entries of the order it fires on, from weakest to strongest. */
export const FRAUD_ACTIONS = ['off', 'flag', 'hold', 'reject'] as const;
export type FraudAction = (typeof FRAUD_ACTIONS)[number];

/** A link as the HTTP JSON names its life cycle; stored as `disabledAt` (null: active). */
export const LINK_STATUSES = ['active', 'disabled'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** Who made a link: approval (`default`), an editor, or the partner in the portal. */
export const LINK_ORIGINS = ['default', 'admin', 'partner'] as const;
export type LinkOrigin = (typeof LINK_ORIGINS)[number];

/** The plugin's content types, by short name; the uid is `plugin::partners.<name>`. */
export const CONTENT_TYPES = [
  'program',
  'partner',
  'enrollment',
  'link',
  'click',
  'referral',
  'deal',
  'order',
  'commission',
  'payout',
  'payout-line',
  'asset',
  'invitation',
  'listing',
] as const;
/** A received Stripe event: being applied, applied, not used, or failed (retried by a job). */
export const STRIPE_EVENT_STATES = ['processing', 'processed', 'ignored', 'failed'] as const;
export type StripeEventState = (typeof STRIPE_EVENT_STATES)[number];

/** The plugin's own bookkeeping, not part of the product's data model. */
export const INTERNAL_CONTENT_TYPES = ['job-run', 'stripe-event', 'daily-rollup'] as const;
export type ContentTypeName =
  (typeof CONTENT_TYPES)[number] | (typeof INTERNAL_CONTENT_TYPES)[number];

export const PLUGIN_ID = 'partners';
export const uid = <T extends ContentTypeName>(name: T) => `plugin::partners.${name}` as const;
