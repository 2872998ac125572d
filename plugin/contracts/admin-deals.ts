import { z } from 'zod';
import { DEAL_STATUSES, type DealStatus } from '../model';
import {
  documentIdSchema,
  pageQuery,
  slugSchema,
  type PartnerRef,
  type ProgramRef,
} from './admin-common';
import type { MediaFileView } from './media';
import { MAX_AMOUNT } from './orders';

/** Deal registrations in the admin (SPEC §6, §9); part of ./admin.ts. */

/** `GET /deals`: newest first, or by expected close (`sort=expectedCloseAt`, soonest first). */
export const listDealsQuerySchema = z.strictObject({
  status: z.enum(DEAL_STATUSES).optional(),
  partner: documentIdSchema.optional(),
  program: slugSchema.optional(),
  sort: z.enum(['createdAt', 'expectedCloseAt']).default('createdAt'),
  ...pageQuery,
});
export type ListDealsQuery = z.output<typeof listDealsQuerySchema>;

export interface DealView {
  documentId: string;
  partner: PartnerRef | null;
  program: ProgramRef | null;
  company: string | null;
  domain: string | null;
  contactEmail: string | null;
  contactName: string | null;
  /** Minor units of `currency`. */
  estimatedValue: number | null;
  currency: string | null;
  status: DealStatus;
  /** Matched another open registration of the customer; waits for an editor. */
  held: boolean;
  expectedCloseAt: string | null;
  expiresAt: string | null;
  closedAt: string | null;
  decisionNote: string | null;
  /** Files the partner attached (media library). */
  attachments: MediaFileView[];
  createdAt: string;
}

const noteSchema = z.string().trim().min(1).max(1000);

/** `POST /deals/:id/approve`; a deal without an expiry gets one (`expiresInDays`, 90). */
export const approveDealRequestSchema = z.strictObject({
  data: z
    .strictObject({
      note: noteSchema.optional(),
      expiresInDays: z.int().min(1).max(3650).optional(),
    })
    .prefault({}),
});
export type ApproveDealRequest = z.input<typeof approveDealRequestSchema>;

/** `POST /deals/:id/reject` */
export const rejectDealRequestSchema = z.strictObject({
  data: z.strictObject({ note: noteSchema }),
});
export type RejectDealRequest = z.input<typeof rejectDealRequestSchema>;

/**
 * `POST /deals/:id/win`: the customer signed; its orders credit the partner from now on. The
 * editor may correct the value (minor units of the deal's currency).
 */
export const winDealRequestSchema = z.strictObject({
  data: z
    .strictObject({
      note: noteSchema.optional(),
      value: z.int().min(0).max(MAX_AMOUNT).optional(),
    })
    .prefault({}),
});
export type WinDealRequest = z.input<typeof winDealRequestSchema>;

/** `POST /deals/:id/lose` */
export const loseDealRequestSchema = z.strictObject({
  data: z.strictObject({ note: noteSchema.optional() }).prefault({}),
});
export type LoseDealRequest = z.input<typeof loseDealRequestSchema>;

/** `GET /deals/pipeline`: deals and their value by state and currency. */
export const dealPipelineQuerySchema = z.strictObject({
  partner: documentIdSchema.optional(),
  program: slugSchema.optional(),
});
export type DealPipelineQuery = z.output<typeof dealPipelineQuerySchema>;

export interface DealPipelineRow {
  status: DealStatus;
  currency: string | null;
  deals: number;
  /** Sum of `estimatedValue`, minor units of `currency`. */
  value: number;
  /** Earliest expected close among these deals. */
  nextExpectedCloseAt: string | null;
}
export interface DealPipelineResponse {
  data: DealPipelineRow[];
}
