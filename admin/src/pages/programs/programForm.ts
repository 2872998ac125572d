import type { ProgramData, ProgramView } from '../../../../plugin/contracts/admin';
import { fraudSignalsSchema, type Rate } from '../../../../plugin/contracts/rules';

/** The editor's state: every field of a program, with SPEC §4 defaults filled in. */
export type ProgramForm = ProgramData;
export type ProgramPatch = Partial<ProgramForm>;

export const newProgram = (): ProgramForm => ({
  name: '',
  slug: '',
  status: 'draft',
  startsAt: null,
  endsAt: null,
  currency: 'USD',
  landingUrl: null,
  tierMode: 'one-tier',
  trigger: 'sale',
  commission: { type: 'percentage', bps: 2000 },
  productRates: [],
  tierMetric: 'active-customers',
  tiers: [],
  secondTier: null,
  recurringMonths: null,
  holdDays: 30,
  qualificationDays: 90,
  attributionWindowDays: 60,
  eligibility: {
    minOrderAmount: null,
    products: null,
    excludePartnerPaid: true,
    excludeSelfReferral: true,
    newCustomersOnly: false,
  },
  fraudSignals: fraudSignalsSchema.parse({}),
  autoApprove: true,
  reverseOnChurn: false,
  attributionModel: 'last-click',
  referralDetail: 'none',
  showDeclinedCharges: false,
  showPurchaseHistory: false,
  notifyOnCommission: false,
  payoutMinimum: 10000,
  payoutTermDays: 0,
  activationEvent: 'first-conversion',
  applicationMode: 'approval',
  terms: null,
  termsVersion: null,
  timezone: 'UTC',
  partnerLinkLimit: 10,
  vanityCodes: false,
  dealConflicts: 'refuse',
  emailTemplates: {},
});

/** The stored program as the editor holds it (the view carries counts and ids besides). */
export const fromView = (view: ProgramView): ProgramForm => {
  const form = newProgram();
  for (const key of Object.keys(form) as Array<keyof ProgramForm>) {
    if (view[key] !== undefined) (form as Record<string, unknown>)[key] = view[key];
  }
  return form;
};

/** "my program" → "my-program", for the slug while it has not been edited by hand. */
export const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);

/** What `POST /programs/preview` reads: the rules, not the program's identity or texts. */
export const previewProgram = (form: ProgramForm) => ({
  currency: form.currency,
  tierMode: form.tierMode,
  trigger: form.trigger,
  commission: form.commission,
  productRates: form.productRates,
  tierMetric: form.tierMetric,
  tiers: form.tiers,
  secondTier: form.tierMode === 'two-tier' ? form.secondTier : null,
  recurringMonths: form.recurringMonths,
  holdDays: form.holdDays,
  qualificationDays: form.qualificationDays,
  attributionWindowDays: form.attributionWindowDays,
  eligibility: form.eligibility,
  timezone: form.timezone,
});

/** The body of a save: a one-tier program pays no recruiter. */
export const programInput = (form: ProgramForm): ProgramForm => ({
  ...form,
  secondTier: form.tierMode === 'two-tier' ? form.secondTier : null,
});

export const defaultSecondTier = (): NonNullable<ProgramForm['secondTier']> => ({
  commission: { type: 'percentage', bps: 500 } as Rate,
  basis: 'sale',
});
