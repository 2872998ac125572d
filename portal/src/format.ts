import { formatMoney } from '../../plugin/currency';
import type { Money } from './api/types';

export const money = (amount: number, currency: string) => {
  try {
    return formatMoney(amount, currency);
  } catch {
    return `${amount} ${currency}`;
  }
};

/** "$12.00 · €3.00", or a zero in `fallbackCurrency` when nothing is owed. */
export const moneyList = (amounts: readonly Money[], fallbackCurrency = 'USD') =>
  amounts.length === 0
    ? money(0, fallbackCurrency)
    : amounts.map((entry) => money(entry.amount, entry.currency)).join(' · ');

const dateFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

export const date = (value: string | null | undefined) => {
  if (!value) return '—';
  const parsed = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(parsed.getTime()) ? value : dateFormat.format(parsed);
};

export const monthName = (month: string) =>
  new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`)
  );

export const count = (value: number) => new Intl.NumberFormat('en-US').format(value);

const pluralRules = new Intl.PluralRules('en-US');

/** "1 click", "2 clicks", "1,000 clicks": the count with the noun in its English plural form. */
export const plural = (value: number, one: string, other: string) =>
  `${count(value)} ${pluralRules.select(value) === 'one' ? one : other}`;

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const label = (text: string | null | undefined) =>
  text ? capitalise(text.replace(/[-_]/g, ' ')) : '—';
