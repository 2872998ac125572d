import { formatMoney, isCurrency } from '../../../plugin/currency';
import type { Money } from '../../../plugin/contracts/admin';

/** "$20.00"; an unknown currency code shows the minor units with the code. */
export const money = (amount: number, currency: string) =>
  isCurrency(currency) ? formatMoney(amount, currency) : `${amount} ${currency}`;

/** "$20.00 · €5.00", or a zero in `fallbackCurrency` ("$0.00") when the list is empty. */
export const moneyList = (list: readonly Money[] | undefined, fallbackCurrency = 'USD') =>
  list && list.length > 0
    ? list.map((item) => money(item.amount, item.currency)).join(' · ')
    : money(0, fallbackCurrency);

/** Basis points as a percentage: 2000 → "20%", 1250 → "12.5%". */
export const percent = (bps: number) => `${Number((bps / 100).toFixed(2))}%`;

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export const day = (iso: string | null | undefined) =>
  iso ? dateFormat.format(new Date(iso)) : '—';
export const dateTime = (iso: string | null | undefined) =>
  iso ? `${dateTimeFormat.format(new Date(iso))} UTC` : '—';

/** "YYYY-MM-DD" of a date, in UTC. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
