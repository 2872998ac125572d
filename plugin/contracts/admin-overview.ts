import { z } from 'zod';
import {
  daySchema,
  slugSchema,
  tierLabelSchema,
  moneySchema,
  dateRange,
  rangeMessage,
  documentIdSchema,
} from './admin-common';

/** The admin Overview (SPEC §9); part of ./admin.ts. */

// GET /overview (permission: read)

export const OVERVIEW_INTERVALS = ['day', 'month'] as const;
export type OverviewInterval = (typeof OVERVIEW_INTERVALS)[number];

/** Without `from`/`to` the last 30 days up to today (UTC). */
export const overviewQuerySchema = z
  .strictObject({
    from: daySchema.optional(),
    to: daySchema.optional(),
    program: slugSchema.optional(),
    tier: tierLabelSchema.optional(),
    partner: documentIdSchema.optional(),
    /** Chart buckets; `day` by default. */
    interval: z.enum(OVERVIEW_INTERVALS).default('day'),
  })
  .refine(dateRange, rangeMessage)
  .refine(
    (query) =>
      !query.from ||
      !query.to ||
      Date.parse(query.to) - Date.parse(query.from) <= 3660 * 24 * 3600 * 1000,
    { message: 'a range of at most ten years', path: ['to'] }
  );
export type OverviewQuery = z.output<typeof overviewQuerySchema>;

export const commissionTotalsSchema = z.object({
  pending: z.array(moneySchema),
  approved: z.array(moneySchema),
  paid: z.array(moneySchema),
});

/** Deals registered in the range, by state: how many and their estimated value per currency. */
export const dealTotalsSchema = z.array(
  z.object({ state: z.string(), count: z.int(), value: z.array(moneySchema) })
);
export type DealTotals = z.infer<typeof dealTotalsSchema>;

export const overviewSchema = z.object({
  range: z.object({ from: z.string(), to: z.string(), interval: z.enum(OVERVIEW_INTERVALS) }),
  /**
   * The first steps taken at all, whatever the filters: a program, an approved partner, a human
   * click. The Overview shows its first-run guide while one is missing.
   */
  setup: z.object({ hasProgram: z.boolean(), hasPartner: z.boolean(), hasClick: z.boolean() }),
  /** The currency of zero amounts: the filtered program's, else the first program's, else USD. */
  currency: z.string(),
  kpis: z.object({
    /** Human clicks (bots never count). */
    clicks: z.int(),
    /** Human clicks marked unique (one per visitor per link per 24 h). */
    uniqueClicks: z.int(),
    /** Referrals created in the range. */
    referrals: z.int(),
    /** Referrals that became customers (`convertedAt`) in the range. */
    customers: z.int(),
    /** Of the referrals created in the range, those that have become customers since. */
    convertedReferrals: z.int(),
    /** convertedReferrals / referrals, in basis points: never over 100 % (0 without referrals). */
    conversionRateBps: z.int(),
    /** customers / unique clicks, in basis points; coupon customers have no click, so it can pass 100 %. */
    clickToCustomerBps: z.int(),
    /** Paid attributed orders (by `paidAt`), net of refunds, per currency. */
    attributedRevenue: z.array(moneySchema),
    /** Ledger entries created in the range, by status, per currency (signed sums). */
    commissions: commissionTotalsSchema,
    /** Deals the partners registered in the range (partner contribution). */
    deals: dealTotalsSchema,
    activation: z.object({
      joined: z.int(),
      activated: z.int(),
      rateBps: z.int(),
      /** The same by joining month (`YYYY-MM-01`), months with nobody joining left out. */
      cohorts: z.array(
        z.object({ month: z.string(), joined: z.int(), activated: z.int(), rateBps: z.int() })
      ),
    }),
  }),
  series: z.array(
    z.object({ date: z.string(), clicks: z.int(), referrals: z.int(), customers: z.int() })
  ),
  revenueSeries: z.array(z.object({ date: z.string(), currency: z.string(), amount: z.int() })),
  topPartners: z.array(
    z.object({
      documentId: z.string(),
      name: z.string(),
      revenue: z.array(moneySchema),
      customers: z.int(),
      commissions: z.array(moneySchema),
      deals: dealTotalsSchema,
    })
  ),
  /** Each top partner's share of the attributed revenue in its currency, in basis points. */
  contribution: z.array(
    z.object({
      documentId: z.string(),
      name: z.string(),
      currency: z.string(),
      shareBps: z.int(),
    })
  ),
});
export type Overview = z.infer<typeof overviewSchema>;
export interface OverviewResponse {
  data: Overview;
}

// POST /overview/rebuild (permission: settings.manage)

/** The days to recompute (UTC, inclusive); without `from`, every day before today. */
export const rollupRebuildRequestSchema = z.strictObject({
  data: z
    .strictObject({ from: daySchema.optional(), to: daySchema.optional() })
    .refine(dateRange, rangeMessage)
    .default({}),
});

export const rollupRebuildSchema = z.object({
  /** The first day recomputed; null: from the first row on. */
  from: z.string().nullable(),
  /** The last day recomputed (never today or later: today is read live). */
  to: z.string(),
  /** Days of the range that have activity (hold rollup rows) after the rebuild. */
  days: z.int(),
  /** Rollup rows the range holds after the rebuild. */
  rows: z.int(),
});
export type RollupRebuild = z.infer<typeof rollupRebuildSchema>;
export interface RollupRebuildResponse {
  data: RollupRebuild;
}
