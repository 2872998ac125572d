import type { z } from 'zod';
import type { PreviewResult, previewRequestSchema } from '../contracts/admin';
import { formatMoney } from '../currency';
import { addDays } from '../time';
import { calculateQualifiedCustomerCommissions } from './calculate-qualified-customer-commissions';
import { calculateSaleCommissions } from './calculate-sale-commissions';
import { calculateSignupCommissions } from './calculate-signup-commissions';
import type { CommissionResult, EngineParent, EnginePartner, EngineProgram } from './types';

type PreviewInput = z.output<typeof previewRequestSchema>['data'];

/** A fixed instant, so the same rules always preview the same text. */
const PAID_AT = '2026-01-15T12:00:00.000Z';
const monthsBefore = (instant: string, months: number) => {
  const date = new Date(instant);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString();
};

const partner: EnginePartner = {
  id: 'partner',
  state: 'approved',
  email: 'partner@preview.invalid',
};
const recruiter: EngineParent = {
  partner: { id: 'recruiter', state: 'approved', email: 'recruiter@preview.invalid' },
  enrollment: { state: 'approved', commissionOverride: null },
};

/**
 * What a program's rules (as the editor holds them, unsaved) pay on sample orders (SPEC §9:
 * "a $100.00 order pays the partner $20.00 and the recruiter $5.00"). Runs the real engine with
 * an approved partner, its approved recruiter for two-tier programs, and an order paid inside
 * the attribution window; a bounty program reads each sample as one signup or qualified customer.
 */
export function previewProgram({ program: rules, orders }: PreviewInput): PreviewResult[] {
  const program: EngineProgram = {
    ...rules,
    id: 'preview',
    state: 'active',
    startsAt: null,
    endsAt: null,
  };
  return orders.map((sample, index) => {
    const paidAt = PAID_AT;
    const enrollment = {
      state: 'approved' as const,
      commissionOverride: sample.commissionOverride,
    };
    const parent = program.tierMode === 'two-tier' ? recruiter : null;
    const currency = sample.currency ?? program.currency;
    const order = {
      id: `sample-${index + 1}`,
      externalId: `sample ${index + 1}`,
      amount: sample.amount,
      currency,
      items: sample.items ?? null,
      paidAt,
      customerEmail: 'customer@preview.invalid',
      paidByPartner: false,
    };
    const referral = {
      id: `referral-${index + 1}`,
      email: order.customerEmail,
      state: 'customer' as const,
      signedUpAt: paidAt,
      convertedAt: paidAt,
      churnedAt: null,
    };
    const facts = { attributedAt: paidAt, tierMetricValue: sample.tierMetricValue };
    let result: CommissionResult;
    switch (program.trigger) {
      case 'sale':
        result = calculateSaleCommissions({
          program,
          partner,
          enrollment,
          parent,
          order,
          facts: {
            ...facts,
            isFirstPaidOrder: sample.monthsAfterFirst === 0,
            customerFirstPaidAt: monthsBefore(paidAt, sample.monthsAfterFirst),
            customerPaidBeforeAttribution: false,
          },
        });
        break;
      case 'signup':
        result = calculateSignupCommissions({
          program,
          partner,
          enrollment,
          parent,
          referral,
          facts,
        });
        break;
      case 'qualified-customer':
        result = calculateQualifiedCustomerCommissions(
          { program, partner, enrollment, parent, referral, facts },
          {
            asOf: addDays(paidAt, program.qualificationDays + 1),
            paidAmount: sample.amount,
            refundedAmount: 0,
            // The sample is the customer's plan: its products choose a per-plan bounty.
            latestOrder: { ...order, paidAt },
          }
        );
        break;
    }
    const what =
      program.trigger === 'sale'
        ? `A ${formatMoney(sample.amount, currency)} order`
        : program.trigger === 'signup'
          ? 'A signup'
          : 'A qualified customer';
    if (!result.eligible)
      return {
        order: index,
        eligible: false,
        ineligibleReason: result.ineligibleReason,
        entries: [],
        text: `${what} pays nothing: ${result.ineligibleReason}.`,
      };
    const entries = result.drafts.map((draft) => {
      const recipient = draft.level === 1 ? ('partner' as const) : ('recruiter' as const);
      return {
        level: draft.level,
        recipient,
        kind: draft.kind,
        amount: draft.amount,
        currency: draft.currency,
        explanation: draft.explanation,
        text: `the ${recipient} earns ${formatMoney(draft.amount, draft.currency)}`,
      };
    });
    const parts = entries.map(
      (entry) => `the ${entry.recipient} ${formatMoney(entry.amount, entry.currency)}`
    );
    return {
      order: index,
      eligible: true,
      ineligibleReason: null,
      entries,
      text: `${what} pays ${parts.length ? parts.join(' and ') : 'nothing'}.`,
    };
  });
}
