import { COMMISSION_STATUSES, DEAL_STATUSES } from '../../../plugin/model';

/**
 * The measures of a daily rollup row (`partners_daily_rollups`), by attribute name and column.
 * Counts live in the row whose currency is '' (clicks, referrals, customers) or in the row of
 * the money they come with (orders, commissions, deals); amounts are integer minor units.
 */
const pascal = (state: string) =>
  state
    .split('-')
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** Names by state, worked out once (the overview looks them up for every row it sums). */
const named = (name: (state: string) => string) => {
  const names = new Map<string, string>();
  return (state: string) => {
    let known = names.get(state);
    if (known === undefined) names.set(state, (known = name(state)));
    return known;
  };
};
export const commissionAmount = named((state) => `commission${pascal(state)}`);
export const commissionCount = named((state) => `commission${pascal(state)}Count`);
export const dealCount = named((state) => `deals${pascal(state)}`);
export const dealValue = named((state) => `deals${pascal(state)}Value`);

/** Plain counts (integer columns). */
export const COUNT_MEASURES = [
  'clicks',
  'uniqueClicks',
  /** Referrals created that day, not rejected. */
  'referrals',
  /** Referrals created that day and rejected (the portal counts them, the overview does not). */
  'rejectedReferrals',
  /** Referrals created that day, not rejected, converted since. */
  'convertedReferrals',
  /** Referrals converted that day, not rejected. */
  'customers',
  'rejectedCustomers',
  /** Referrals signed up that day, whatever their state. */
  'signUps',
  /** Paid attributed orders, by the day they were paid. */
  'orders',
  ...COMMISSION_STATUSES.map(commissionCount),
  ...DEAL_STATUSES.map(dealCount),
] as const;

/** Sums of money (biginteger columns). */
export const MONEY_MEASURES = [
  /** Net revenue of the paid attributed orders (amount less refunds). */
  'revenue',
  ...COMMISSION_STATUSES.map(commissionAmount),
  ...DEAL_STATUSES.map(dealValue),
] as const;

export const MEASURES: readonly string[] = [...COUNT_MEASURES, ...MONEY_MEASURES];
export const columnOf = snake;

/**
 * What a rollup row sums: one partner's UTC day (written from the raw tables), every partner's
 * day in a program (partner 0), or one partner's month (`day` holds `YYYY-MM`). The last two are
 * derived from the first in the same transaction, so the overview's totals read a few rows per
 * day and a ranking of partners a few rows per month.
 */
export const GRAIN = {
  partnerDay: 'day',
  programDay: 'program-day',
  partnerMonth: 'month',
} as const;
export type Grain = (typeof GRAIN)[keyof typeof GRAIN];
