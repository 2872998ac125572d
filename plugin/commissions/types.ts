import type {
  CommissionKind,
  CommissionStatus,
  FraudAction,
  FraudSignal,
  EnrollmentStatus,
  OrderStatus,
  PartnerStatus,
  ProgramStatus,
  ReferralStatus,
  TierMetric,
  TierMode,
  Trigger,
} from '../model';
import type {
  EligibilityInput,
  FraudSignalsInput,
  ProductRate,
  Rate,
  RateSnapshot,
  SecondTier,
  Tier,
} from '../contracts/rules';
import type { Instant } from '../time';

/** A Strapi `documentId` (or numeric id); only compared and written into keys. */
export type EntityId = string | number;

/** The program fields the rules read (SPEC §4). JSON fields may be null as Strapi stores them. */
export interface EngineProgram {
  id: EntityId;
  name?: string;
  state: ProgramStatus;
  startsAt: Instant | null;
  endsAt: Instant | null;
  currency: string;
  tierMode: TierMode;
  trigger: Trigger;
  commission: Rate;
  productRates: readonly ProductRate[] | null;
  tierMetric: TierMetric;
  tiers: readonly Tier[] | null;
  secondTier: SecondTier | null;
  recurringMonths: number | null;
  holdDays: number;
  qualificationDays: number;
  attributionWindowDays: number | null;
  eligibility: EligibilityInput | null;
  /** What each fraud signal does (plugin/fraud); null: all off. */
  fraudSignals?: FraudSignalsInput | null;
  /** IANA zone for calendar rules (recurring months, explanation dates); "UTC" by default. */
  timezone: string | null;
}

export interface EnginePartner {
  id: EntityId;
  state: PartnerStatus;
  email: string;
  /** The partner's name, for the self-referral fraud signal. */
  name?: string | null;
  /** E-mails of the users who log in as this partner (owner and team), for self-referral checks. */
  userEmails?: readonly string[];
}

export interface EngineEnrollment {
  state: EnrollmentStatus;
  commissionOverride: Rate | null;
}

/** The two-tier parent: the partner's `referredBy` and its own enrollment in the program. */
export interface EngineParent {
  partner: EnginePartner;
  enrollment: EngineEnrollment | null;
}

export interface EngineOrderItem {
  product: string;
  /** Line total in minor units (price × quantity, after line discounts). */
  amount: number;
  quantity: number;
}

export interface EngineOrder {
  id: EntityId;
  externalId?: string | null;
  /** The referral the order was attributed through, copied onto the drafts. */
  referralId?: EntityId | null;
  amount: number;
  currency: string;
  items: readonly EngineOrderItem[] | null;
  paidAt: Instant | null;
  customerEmail: string | null;
  paidByPartner: boolean | null;
}

/** Facts about the order's history that the server looks up; the rules never query. */
export interface SaleFacts {
  /** This is the referred customer's first paid order in the program. */
  isFirstPaidOrder: boolean;
  /** `paidAt` of that first paid order; required when `isFirstPaidOrder` is false. */
  customerFirstPaidAt: Instant | null;
  /** The customer had paid (in this shop) before the partner referred them, for `newCustomersOnly`. */
  customerPaidBeforeAttribution?: boolean;
  /** When the partner's click / referral attributed the customer; null skips the window check. */
  attributedAt: Instant | null;
  /** The partner's value of the program's `tierMetric` at evaluation time. */
  tierMetricValue: number;
}

export interface SaleCommissionInput {
  program: EngineProgram;
  partner: EnginePartner;
  enrollment: EngineEnrollment | null;
  parent?: EngineParent | null;
  order: EngineOrder;
  facts: SaleFacts;
}

export interface EngineReferral {
  id: EntityId;
  email: string | null;
  state: ReferralStatus;
  signedUpAt: Instant | null;
  convertedAt: Instant | null;
  churnedAt: Instant | null;
}

export interface BountyFacts {
  attributedAt: Instant | null;
  tierMetricValue: number;
}

export interface BountyCommissionInput {
  program: EngineProgram;
  partner: EnginePartner;
  enrollment: EngineEnrollment | null;
  parent?: EngineParent | null;
  referral: EngineReferral;
  facts: BountyFacts;
}

/** Why an amount is what it is, in words a partner understands (stored as `explanation`). */
export interface Explanation {
  summary: string;
  steps: string[];
}

export type CommissionLevel = 1 | 2;

/** A ledger entry to create; `idempotencyKey` is unique in the database, so replays insert nothing. */
export interface CommissionDraft {
  idempotencyKey: string;
  /** Key of the entry this one derives from: level 1 for a level-2 entry, the original for a reversal. */
  sourceKey: string | null;
  partnerId: EntityId;
  programId: EntityId;
  orderId: EntityId | null;
  referralId: EntityId | null;
  level: CommissionLevel;
  kind: CommissionKind;
  basisAmount: number;
  rate: RateSnapshot;
  /** Signed minor units: negative for reversals and clawbacks. */
  amount: number;
  currency: string;
  state: Extract<CommissionStatus, 'pending' | 'approved' | 'on-hold' | 'rejected'>;
  availableAt: string;
  explanation: Explanation;
  /** The fraud signals that fired on the entry (admin only; partners never see them). */
  signals?: FraudSignalHit[];
  /** Why a signal rejected the entry, as partners read it. */
  note?: string | null;
}

/** One fraud signal that fired, with what the program does about it and what was seen. */
export interface FraudSignalHit {
  signal: FraudSignal;
  action: Exclude<FraudAction, 'off'>;
  detail: string;
}

export type CommissionResult =
  { eligible: true; drafts: CommissionDraft[] } | { eligible: false; ineligibleReason: string };

/** An existing ledger entry of an order, as the reconciler needs it. */
export interface LedgerEntry {
  idempotencyKey: string;
  partnerId: EntityId;
  programId: EntityId;
  level: CommissionLevel;
  kind: CommissionKind;
  amount: number;
  currency: string;
  state: CommissionStatus;
  availableAt: Instant | null;
  basisAmount?: number | null;
  rate?: RateSnapshot | null;
  referralId?: EntityId | null;
}

/** Order state as stored (SPEC §4); `refundedAmount` is cumulative. */
export interface ReconcilerOrder {
  id: EntityId;
  externalId?: string | null;
  amount: number;
  currency: string;
  state: OrderStatus;
  refundedAmount: number;
  /**
   * Only read when `state` is `disputed`: `open` and `won` disputes leave commissions alone;
   * `lost` (or absent) reverses them.
   */
  dispute?: 'open' | 'won' | 'lost' | null;
}
