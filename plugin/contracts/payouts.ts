import { z } from 'zod';
import { PAYOUT_STATUSES } from '../model';
import { currencySchema } from './orders';

/**
 * Payouts and statements (SPEC §10): the admin routes under `/partners/payouts` and
 * `/partners/statements`. Bodies follow Strapi's `{ data: { ... } }`; money is integer minor units.
 */

/** "YYYY-MM", a calendar month in UTC. */
export const periodSchema = z
  .string()
  .regex(/^(2\d{3})-(0[1-9]|1[0-2])$/, 'a month as "YYYY-MM", e.g. "2026-01"');

/** A Strapi `documentId`. */
export const documentIdSchema = z.string().regex(/^[a-z0-9]{1,64}$/i, 'a documentId');

/** How a partner is paid (`partner.payoutMethod`); one active method. */
export const payoutMethodSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paypal'), email: z.email().max(254) }),
  z.object({
    type: z.literal('stripe'),
    /** The partner's Stripe Connect account. */
    accountId: z.string().regex(/^acct_[A-Za-z0-9]{1,64}$/, 'a Stripe account id (acct_…)'),
  }),
  z.object({ type: z.literal('credit') }),
  z.object({
    type: z.literal('bank'),
    accountHolder: z.string().max(200).optional(),
    /** Only the last digits are ever kept in clear; the full number is encrypted elsewhere. */
    last4: z
      .string()
      .regex(/^\d{2,4}$/)
      .optional(),
    country: z.string().length(2).optional(),
  }),
]);
export type PayoutMethod = z.output<typeof payoutMethodSchema>;

/** `POST /partners/payouts/run` */
export const runPayoutsRequestSchema = z.strictObject({
  data: z.strictObject({ period: periodSchema }),
});
export type RunPayoutsRequest = z.input<typeof runPayoutsRequestSchema>;
export interface RunPayoutsResponse {
  data: {
    period: string;
    cutOff: string;
    /** Payouts this run created (0 when the period was already paid out). */
    created: number;
    /** What they add up to, per currency. */
    amounts: Record<string, number>;
    /** Partner balances left for a later run (below the minimum, or not positive). */
    carriedOver: number;
  };
}

/** `GET /partners/payouts` */
export const listPayoutsQuerySchema = z.strictObject({
  period: periodSchema.optional(),
  status: z.enum(PAYOUT_STATUSES).optional(),
  currency: currencySchema.optional(),
  partner: documentIdSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListPayoutsQuery = z.output<typeof listPayoutsQuerySchema>;

/** What the admin sees of a payout. */
export interface PayoutView {
  documentId: string;
  partner: { documentId: string; name: string; email: string } | null;
  currency: string;
  amount: number;
  periodStart: string | null;
  periodEnd: string | null;
  status: (typeof PAYOUT_STATUSES)[number];
  method: { type: string } | null;
  reference: string | null;
  paidAt: string | null;
  failureReason: string | null;
  idempotencyKey: string;
  createdAt: string;
}

/** `POST /partners/payouts/:documentId/paid` */
export const markPayoutPaidRequestSchema = z.strictObject({
  data: z.strictObject({
    /** The transfer's reference at the bank, PayPal batch id, … */
    reference: z.string().trim().min(1).max(255),
    /** When the money was sent, if not now; never in the future. */
    paidAt: z.iso
      .datetime({ offset: true })
      .refine((at) => Date.parse(at) <= Date.now() + 60_000, 'must not be in the future')
      .optional(),
  }),
});
export type MarkPayoutPaidRequest = z.input<typeof markPayoutPaidRequestSchema>;

/** `POST /partners/payouts/:documentId/failed` */
export const markPayoutFailedRequestSchema = z.strictObject({
  data: z.strictObject({ reason: z.string().trim().min(1).max(500) }),
});
export type MarkPayoutFailedRequest = z.input<typeof markPayoutFailedRequestSchema>;

/** `GET /partners/payouts/export` (CSV, one row per payout) */
export const exportPayoutsQuerySchema = z.strictObject({
  period: periodSchema.optional(),
  status: z.enum(PAYOUT_STATUSES).optional(),
  currency: currencySchema.optional(),
});
export type ExportPayoutsQuery = z.output<typeof exportPayoutsQuerySchema>;

/** `GET /partners/payouts/export/paypal`: PayPal takes one currency per file. */
export const exportPaypalQuerySchema = z.strictObject({
  currency: currencySchema,
  period: periodSchema.optional(),
  status: z.enum(PAYOUT_STATUSES).default('pending'),
});
export type ExportPaypalQuery = z.output<typeof exportPaypalQuerySchema>;

/** `GET /partners/payouts/export/entries`: every ledger entry of a period's payouts. */
export const exportPayoutEntriesQuerySchema = z.strictObject({ period: periodSchema });
export type ExportPayoutEntriesQuery = z.output<typeof exportPayoutEntriesQuerySchema>;

/** `GET /partners/statements`, `/statements/csv`, `/statements/pdf` */
export const statementQuerySchema = z.strictObject({
  partner: documentIdSchema,
  currency: currencySchema,
  month: periodSchema,
});
export type StatementQuery = z.output<typeof statementQuerySchema>;
