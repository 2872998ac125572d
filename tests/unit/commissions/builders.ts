import type {
  BountyCommissionInput,
  CommissionDraft,
  CommissionResult,
  EngineEnrollment,
  EngineOrder,
  EngineParent,
  EnginePartner,
  EngineProgram,
  EngineReferral,
  SaleCommissionInput,
  SaleFacts,
} from '../../../plugin/commissions';

/** Test inputs with plain defaults: a 20% one-tier sale program and an approved partner. */

export function aProgram(overrides: Partial<EngineProgram> = {}): EngineProgram {
  return {
    id: 'program-1',
    name: 'Partners',
    state: 'active',
    startsAt: null,
    endsAt: null,
    currency: 'USD',
    tierMode: 'one-tier',
    trigger: 'sale',
    commission: { type: 'percentage', bps: 2000 },
    productRates: null,
    tierMetric: 'active-customers',
    tiers: null,
    secondTier: null,
    recurringMonths: null,
    holdDays: 30,
    qualificationDays: 90,
    attributionWindowDays: 60,
    eligibility: null,
    timezone: 'UTC',
    ...overrides,
  };
}

export function aPartner(overrides: Partial<EnginePartner> = {}): EnginePartner {
  return { id: 'partner-1', state: 'approved', email: 'partner@example.com', ...overrides };
}

export function anEnrollment(overrides: Partial<EngineEnrollment> = {}): EngineEnrollment {
  return { state: 'approved', commissionOverride: null, ...overrides };
}

export function aParent(overrides: Partial<EnginePartner> = {}): EngineParent {
  return {
    partner: aPartner({ id: 'recruiter-1', email: 'recruiter@example.com', ...overrides }),
    enrollment: anEnrollment(),
  };
}

export function anOrder(overrides: Partial<EngineOrder> = {}): EngineOrder {
  return {
    id: 'order-1',
    externalId: 'ORD-1',
    amount: 10000,
    currency: 'USD',
    items: null,
    paidAt: '2026-03-01T12:00:00.000Z',
    customerEmail: 'customer@example.com',
    paidByPartner: false,
    ...overrides,
  };
}

export function someFacts(overrides: Partial<SaleFacts> = {}): SaleFacts {
  return {
    isFirstPaidOrder: true,
    customerFirstPaidAt: null,
    attributedAt: '2026-02-20T09:00:00.000Z',
    tierMetricValue: 0,
    ...overrides,
  };
}

export function aSale(overrides: Partial<SaleCommissionInput> = {}): SaleCommissionInput {
  return {
    program: aProgram(),
    partner: aPartner(),
    enrollment: anEnrollment(),
    parent: null,
    order: anOrder(),
    facts: someFacts(),
    ...overrides,
  };
}

export function aReferral(overrides: Partial<EngineReferral> = {}): EngineReferral {
  return {
    id: 'referral-1',
    email: 'customer@example.com',
    state: 'customer',
    signedUpAt: '2026-03-01T12:00:00.000Z',
    convertedAt: '2026-03-05T12:00:00.000Z',
    churnedAt: null,
    ...overrides,
  };
}

export function aBounty(overrides: Partial<BountyCommissionInput> = {}): BountyCommissionInput {
  return {
    program: aProgram({ trigger: 'signup', commission: { type: 'flat', amount: 5000 } }),
    partner: aPartner(),
    enrollment: anEnrollment(),
    parent: null,
    referral: aReferral(),
    facts: { attributedAt: '2026-02-20T09:00:00.000Z', tierMetricValue: 0 },
    ...overrides,
  };
}

/** The drafts of an eligible result; fails the test with the reason otherwise. */
export function draftsOf(result: CommissionResult): CommissionDraft[] {
  if (!result.eligible) throw new Error(`expected drafts, got: ${result.ineligibleReason}`);
  return result.drafts;
}

export function reasonOf(result: CommissionResult): string {
  if (result.eligible) throw new Error(`expected ineligible, got ${result.drafts.length} drafts`);
  return result.ineligibleReason;
}

/** Amount per level: { 1: 2000, 2: 500 }. */
export function amountsByLevel(result: CommissionResult): Record<number, number> {
  return Object.fromEntries(draftsOf(result).map((draft) => [draft.level, draft.amount]));
}
