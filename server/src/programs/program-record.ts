import type {
  Eligibility,
  FraudSignals,
  ProductRate,
  Rate,
  SecondTier,
  Tier,
} from '../../../plugin/contracts/rules';
import type {
  ActivationEvent,
  ApplicationMode,
  AttributionModel,
  DealConflictMode,
  ProgramStatus,
  ReferralDetail,
  TierMetric,
  TierMode,
  Trigger,
} from '../../../plugin/model';
import type { ProgramEmailTemplates } from '../../../plugin/notifications';
import { iso, textOrNull, type RawRow } from '../platform/rows';

/**
 * A program row as it leaves the database, every attribute of it (the admin's program editor
 * gets them all back): instants ISO 8601, rules as their JSON. Its relations (enrollments, links,
 * assets, agreement files) are other tables'.
 */
export interface ProgramRecord {
  id: number;
  documentId: string;
  name: string;
  slug: string;
  /** The contract's `status` (Strapi 5 reserves the attribute name). */
  state: ProgramStatus;
  startsAt: string | null;
  endsAt: string | null;
  currency: string;
  landingUrl: string | null;
  tierMode: TierMode;
  trigger: Trigger;
  commission: Rate;
  productRates: ProductRate[] | null;
  tierMetric: TierMetric;
  tiers: Tier[] | null;
  secondTier: SecondTier | null;
  recurringMonths: number | null;
  holdDays: number;
  autoApprove: boolean;
  reverseOnChurn: boolean;
  qualificationDays: number;
  attributionWindowDays: number | null;
  attributionModel: AttributionModel;
  eligibility: Eligibility | null;
  fraudSignals: FraudSignals | null;
  referralDetail: ReferralDetail;
  showDeclinedCharges: boolean;
  showPurchaseHistory: boolean;
  notifyOnCommission: boolean;
  /** Minor units of `currency`. */
  payoutMinimum: number;
  payoutTermDays: number;
  activationEvent: ActivationEvent;
  applicationMode: ApplicationMode;
  terms: string | null;
  termsVersion: string | null;
  timezone: string;
  partnerLinkLimit: number;
  vanityCodes: boolean;
  dealConflicts: DealConflictMode;
  emailTemplates: ProgramEmailTemplates | null;
  createdAt: string | null;
  updatedAt: string | null;
}

const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
/** A JSON attribute as the Query Engine parsed it. */
const json = <T>(value: unknown): T | null => (value ?? null) as T | null;

/** Parses a whole row of `strapi.db.query(program)` (camelCase attributes) into a record. */
export const toProgramRecord = (row: RawRow): ProgramRecord => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  name: String(row.name),
  slug: String(row.slug),
  state: row.state as ProgramStatus,
  startsAt: iso(row.startsAt),
  endsAt: iso(row.endsAt),
  currency: String(row.currency),
  landingUrl: textOrNull(row.landingUrl),
  tierMode: row.tierMode as TierMode,
  trigger: row.trigger as Trigger,
  commission: row.commission as Rate,
  productRates: json<ProductRate[]>(row.productRates),
  tierMetric: row.tierMetric as TierMetric,
  tiers: json<Tier[]>(row.tiers),
  secondTier: json<SecondTier>(row.secondTier),
  recurringMonths: numberOrNull(row.recurringMonths),
  holdDays: Number(row.holdDays),
  autoApprove: Boolean(row.autoApprove),
  reverseOnChurn: Boolean(row.reverseOnChurn),
  qualificationDays: Number(row.qualificationDays),
  attributionWindowDays: numberOrNull(row.attributionWindowDays),
  attributionModel: row.attributionModel as AttributionModel,
  eligibility: json<Eligibility>(row.eligibility),
  fraudSignals: json<FraudSignals>(row.fraudSignals),
  referralDetail: row.referralDetail as ReferralDetail,
  showDeclinedCharges: Boolean(row.showDeclinedCharges),
  showPurchaseHistory: Boolean(row.showPurchaseHistory),
  notifyOnCommission: Boolean(row.notifyOnCommission),
  payoutMinimum: Number(row.payoutMinimum),
  payoutTermDays: Number(row.payoutTermDays),
  activationEvent: row.activationEvent as ActivationEvent,
  applicationMode: row.applicationMode as ApplicationMode,
  terms: textOrNull(row.terms),
  termsVersion: textOrNull(row.termsVersion),
  timezone: String(row.timezone),
  partnerLinkLimit: Number(row.partnerLinkLimit),
  vanityCodes: Boolean(row.vanityCodes),
  dealConflicts: row.dealConflicts as DealConflictMode,
  emailTemplates: json<ProgramEmailTemplates>(row.emailTemplates),
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
});
