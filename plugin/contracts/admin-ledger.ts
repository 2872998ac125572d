import { z } from 'zod';
import {
  COMMISSION_KINDS,
  COMMISSION_STATUSES,
  type FraudAction,
  type FraudSignal,
} from '../model';
import { currencySchema } from './orders';
import {
  daySchema,
  slugSchema,
  pageQuery,
  dateRange,
  rangeMessage,
  PartnerRef,
  ProgramRef,
  documentIdSchema,
} from './admin-common';

/** Commission review in the admin (SPEC §9); part of ./admin.ts. */

// Commissions: GET /commissions, GET /commissions/export (read);
// POST /commissions/approve, /commissions/reject, /commissions/release (commissions.approve)

const commissionFilters = {
  status: z.enum(COMMISSION_STATUSES).optional(),
  program: slugSchema.optional(),
  partner: documentIdSchema.optional(),
  kind: z.enum(COMMISSION_KINDS).optional(),
  currency: currencySchema.optional(),
  /** Created on or after this day (UTC). */
  from: daySchema.optional(),
  /** Created on or before this day (UTC). */
  to: daySchema.optional(),
};

export const listCommissionsQuerySchema = z
  .strictObject({ ...commissionFilters, ...pageQuery })
  .refine(dateRange, rangeMessage);
export type ListCommissionsQuery = z.output<typeof listCommissionsQuerySchema>;

export const exportCommissionsQuerySchema = z
  .strictObject(commissionFilters)
  .refine(dateRange, rangeMessage);
export type ExportCommissionsQuery = z.output<typeof exportCommissionsQuerySchema>;
/** Columns of the CSV export, in order. */
export const COMMISSION_EXPORT_COLUMNS = [
  'id',
  'createdAt',
  'partner',
  'partnerEmail',
  'program',
  'order',
  'level',
  'kind',
  'status',
  'basisAmount',
  'amount',
  'currency',
  'availableAt',
  'approvedAt',
  'paidAt',
  'explanation',
  'note',
] as const;

export interface CommissionView {
  documentId: string;
  partner: PartnerRef | null;
  program: ProgramRef | null;
  order: { documentId: string; externalId: string } | null;
  level: 1 | 2;
  kind: (typeof COMMISSION_KINDS)[number];
  basisAmount: number;
  amount: number;
  currency: string;
  status: (typeof COMMISSION_STATUSES)[number];
  availableAt: string | null;
  approvedAt: string | null;
  paidAt: string | null;
  /** The explanation's one-line summary; the steps stay stored on the entry. */
  explanation: string | null;
  note: string | null;
  /** The fraud signals that fired on the entry (editors only); empty when none did. */
  signals: Array<{ signal: FraudSignal; action: Exclude<FraudAction, 'off'>; detail: string }>;
  createdAt: string;
}

const commissionIds = z
  .array(documentIdSchema)
  .min(1)
  .max(1000)
  .refine((ids) => new Set(ids).size === ids.length, 'each id once');

/** `POST /commissions/approve`: only `pending` entries change. */
export const approveCommissionsRequestSchema = z.strictObject({
  data: z.strictObject({ ids: commissionIds }),
});
export type ApproveCommissionsRequest = z.input<typeof approveCommissionsRequestSchema>;

/** `POST /commissions/release`: `on-hold` entries (and their level-2 entries) become `pending`. */
export const releaseCommissionsRequestSchema = approveCommissionsRequestSchema;
export type ReleaseCommissionsRequest = z.input<typeof releaseCommissionsRequestSchema>;

/**
 * `POST /commissions/reject`: `pending` and `on-hold` entries become `rejected` with the reason
 * as `note`.
 */
export const rejectCommissionsRequestSchema = z.strictObject({
  data: z.strictObject({ ids: commissionIds, reason: z.string().trim().min(1).max(1000) }),
});
export type RejectCommissionsRequest = z.input<typeof rejectCommissionsRequestSchema>;

export const bulkResultSchema = z.object({
  /** Entries that changed. */
  updated: z.int(),
  /** Ids that were not pending (or do not exist) and were left alone. */
  skipped: z.int(),
});
export interface BulkCommissionsResponse {
  data: z.infer<typeof bulkResultSchema>;
}
