import { formatMoney } from '../currency';
import type { Rate } from '../contracts/rules';
import type { TierMetric } from '../model';

/** The words explanations are made of, in one place so every amount is described the same way. */

/** 2000 → "20%", 1250 → "12.5%", 25 → "0.25%": exact, from integer basis points. */
export function formatBps(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const fraction = String(Math.abs(bps % 100))
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}

/** "20%", "$39.00", "$5.00 per unit". */
export function describeRate(rate: Rate, currency: string): string {
  if (rate.type === 'percentage') return formatBps(rate.bps);
  const amount = formatMoney(rate.amount, currency);
  return rate.perUnit ? `${amount} per unit` : amount;
}

/** "25 active customers", "1 conversion this month", "$12,000.00 revenue this month". */
export function describeMetric(metric: TierMetric, value: number, currency: string): string {
  switch (metric) {
    case 'active-customers':
      return `${value} active customer${value === 1 ? '' : 's'}`;
    case 'active-customers-in-month':
      return `${value} customer${value === 1 ? '' : 's'} active this month`;
    case 'conversions-in-month':
      return `${value} conversion${value === 1 ? '' : 's'} this month`;
    case 'revenue-in-month':
      return `${formatMoney(value, currency)} revenue this month`;
  }
}

/** A tier threshold in the metric's unit: "25", or "$10,000.00" for revenue. */
export function describeThreshold(metric: TierMetric, threshold: number, currency: string): string {
  return metric === 'revenue-in-month' ? formatMoney(threshold, currency) : String(threshold);
}

/** "order ORD-1001" (the shop's reference when there is one). */
export function describeOrder(order: { id: unknown; externalId?: string | null }): string {
  return `order ${order.externalId ?? String(order.id)}`;
}

/** Explanation steps are sentences; phrases like "order ORD-1" start them. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
