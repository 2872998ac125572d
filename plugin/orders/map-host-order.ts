import type { HostOrderField, PluginConfig } from '../contracts/config';
import { isCurrency, parseMinorUnits } from '../currency';
import type { OrderEvent } from './merge-order-event';

export type HostOrderConfig = PluginConfig['orders'];

export type HostOrderMapping =
  | {
      valid: true;
      /** Raw order input, checked by the orders contract before it is stored. */
      input: Record<string, unknown>;
      events: OrderEvent[];
    }
  | { valid: false; reason: string };

/**
 * SPEC §7: an entry of the host's own order collection, read through the configured field
 * mapping, as the plugin's order input and the payment events its status implies.
 */
export function mapHostOrder(
  entry: Record<string, unknown>,
  config: HostOrderConfig,
  contentType: string
): HostOrderMapping {
  const read = (field: HostOrderField) => entry[config.fields[field] ?? field];
  const currencyValue = read('currency') ?? config.defaultCurrency;
  const currency = typeof currencyValue === 'string' ? currencyValue.toUpperCase() : '';
  if (!isCurrency(currency))
    return { valid: false, reason: `unknown currency "${String(currencyValue)}"` };

  const money = (value: unknown): number | null => {
    if (config.amountUnit === 'major') {
      const text = typeof value === 'number' || typeof value === 'string';
      return text ? parseMinorUnits(value, currency) : null;
    }
    return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
  };
  const amount = money(read('amount'));
  if (amount === null)
    return { valid: false, reason: `the amount "${String(read('amount'))}" is not a valid amount` };

  const status = String(read('status') ?? '').toLowerCase();
  const paidAt = read('paidAt') ?? entry.updatedAt ?? new Date().toISOString();
  const events: OrderEvent[] = [];
  const paid = config.paidStatuses.includes(status) || config.refundedStatuses.includes(status);
  if (paid) events.push({ type: 'paid', paidAt: paidAt instanceof Date ? paidAt : String(paidAt) });
  if (config.failedStatuses.includes(status)) events.push({ type: 'failed' });
  const refunded = config.refundedStatuses.includes(status)
    ? amount
    : money(read('refundedAmount'));
  if (refunded) events.push({ type: 'refunded', refundedAmount: Math.min(refunded, amount) });

  const text = (field: HostOrderField) => {
    const value = read(field);
    return value === null || value === undefined || value === '' ? undefined : String(value);
  };
  return {
    valid: true,
    input: {
      externalId: text('externalId') ?? `${contentType}:${String(entry.documentId)}`,
      amount,
      currency,
      status: 'pending',
      customerEmail: text('customerEmail'),
      customerName: text('customerName'),
      customerExternalId: text('customerExternalId'),
      referralCode: text('referralCode'),
      couponCode: text('couponCode'),
      visitorId: text('visitorId'),
      subscriptionId: text('subscriptionId'),
    },
    events,
  };
}
