import { formatMoney } from '../currency';
import { sumMoney } from '../money';
import { formatLocalDate } from '../time';
import type { EarningLine } from './calculate-level-one-amount';
import { checkAttributionWindow } from './check-attribution-window';
import { checkParticipation } from './check-participation';
import { classifyRepeatOrder } from './classify-repeat-order';
import { capitalise, describeOrder } from './explanation-text';
import { ineligibleReason } from './ineligible';
import { isSelfReferral } from './is-self-referral';
import type { SaleCommissionInput } from './types';

export type SaleEligibility =
  | {
      eligible: true;
      paidAt: NonNullable<SaleCommissionInput['order']['paidAt']>;
      kind: 'sale' | 'recurring';
      lines: EarningLine[];
      steps: string[];
    }
  | { eligible: false; ineligibleReason: string };

const refuse = (reason: string): SaleEligibility => ({ eligible: false, ineligibleReason: reason });

/**
 * SPEC §5.1–5.2 for a paid order: does it earn, which lines earn, and is it a first sale or a
 * recurring one. The first failing rule is the reason stored on the order.
 */
export function checkSaleEligibility(input: SaleCommissionInput): SaleEligibility {
  const { program, partner, enrollment, order, facts } = input;
  const currency = program.currency;
  const eligibility = program.eligibility ?? {};
  if (program.trigger !== 'sale') {
    return refuse(
      ineligibleReason('wrong-trigger', `the program pays on ${program.trigger}, not on sales`)
    );
  }
  const paidAt = order.paidAt;
  if (paidAt === null) return refuse(ineligibleReason('not-paid', 'the order is not paid'));

  const participation = checkParticipation(program, partner, enrollment, paidAt, 'order');
  if (participation) return refuse(participation);
  if (order.currency !== currency) {
    return refuse(
      ineligibleReason(
        'currency-mismatch',
        `the order is in ${order.currency} and the program pays in ${currency}`
      )
    );
  }
  if ((eligibility.excludePartnerPaid ?? true) && order.paidByPartner) {
    return refuse(
      ineligibleReason('partner-paid', 'the partner paid for this order (partner-paid account)')
    );
  }
  // A program that watches the self-referral signal decides it there, visibly, instead.
  const signalDecides = (program.fraudSignals?.selfReferral ?? 'off') !== 'off';
  if (
    !signalDecides &&
    (eligibility.excludeSelfReferral ?? true) &&
    isSelfReferral(partner, order.customerEmail)
  ) {
    return refuse(ineligibleReason('self-referral', 'the customer is the partner itself'));
  }
  const minimum = eligibility.minOrderAmount;
  if (minimum != null && order.amount < minimum) {
    return refuse(
      ineligibleReason(
        'below-minimum',
        `order ${formatMoney(order.amount, currency)} is below the ${formatMoney(minimum, currency)} minimum`
      )
    );
  }

  const steps = [
    `${capitalise(describeOrder(order))} paid on ${formatLocalDate(paidAt, program.timezone ?? 'UTC')}: ` +
      formatMoney(order.amount, currency),
  ];
  let lines: EarningLine[] =
    order.items && order.items.length > 0
      ? order.items.map(({ product, amount, quantity }) => ({ product, amount, quantity }))
      : [{ product: null, amount: order.amount, quantity: 1 }];
  const allowed = eligibility.products;
  if (allowed && allowed.length > 0) {
    lines = lines.filter((line) => line.product !== null && allowed.includes(line.product));
    if (lines.length === 0) {
      return refuse(
        ineligibleReason(
          'no-eligible-products',
          `the order has none of the products that earn in this program (${allowed.join(', ')})`
        )
      );
    }
    const counted = sumMoney(lines.map((line) => line.amount));
    steps.push(
      `Only ${allowed.join(', ')} earn in this program: ${formatMoney(counted, currency)} of the order counts`
    );
  }
  if (eligibility.newCustomersOnly && facts.customerPaidBeforeAttribution) {
    return refuse(
      ineligibleReason(
        'existing-customer',
        'the program pays for new customers only, and this customer had paid before being referred'
      )
    );
  }
  if (facts.isFirstPaidOrder) {
    const window = checkAttributionWindow(program, facts.attributedAt, paidAt, 'first payment');
    if (window) return refuse(window);
  }
  const repeat = classifyRepeatOrder(program, paidAt, facts);
  if (!repeat.earns) return refuse(repeat.ineligibleReason);
  steps.push(repeat.step);
  return { eligible: true, paidAt, kind: repeat.kind, lines, steps };
}
