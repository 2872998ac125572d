import type { PayoutView } from '../../../plugin/contracts/payouts';
import { isoOrNull } from './payout-ledger';
import type { PayoutRecord } from './payout-record';

/** "2026-01" from a stored `periodStart` ("2026-01-01"). */
export const periodOf = (payout: Pick<PayoutRecord, 'periodStart'>): string =>
  String(payout.periodStart ?? '').slice(0, 7);

/** The partner a payout pays, as the admin's payout screens name it. */
export interface Payee {
  documentId: string;
  name: string;
  email: string;
}

/** A payout with the partner it pays (null when the partner is gone). */
export type PayoutWithPayee = PayoutRecord & { partner: Payee | null };

/** What the admin sees of a payout: the method's type only, never its details. */
export const toPayoutView = (payout: PayoutWithPayee): PayoutView => ({
  documentId: payout.documentId,
  partner: payout.partner
    ? {
        documentId: payout.partner.documentId,
        name: payout.partner.name,
        email: payout.partner.email,
      }
    : null,
  currency: payout.currency,
  amount: payout.amount,
  periodStart: payout.periodStart ?? null,
  periodEnd: payout.periodEnd ?? null,
  status: payout.state,
  method: payout.method?.type ? { type: payout.method.type } : null,
  reference: payout.reference ?? null,
  paidAt: isoOrNull(payout.paidAt),
  failureReason: payout.failureReason ?? null,
  idempotencyKey: payout.idempotencyKey,
  createdAt: isoOrNull(payout.createdAt) ?? '',
});

/** What an event tells of a payout: a stored one, or one the run has just created. */
type EventPayout = Pick<
  PayoutRecord,
  | 'id'
  | 'documentId'
  | 'currency'
  | 'amount'
  | 'periodStart'
  | 'periodEnd'
  | 'state'
  | 'method'
  | 'idempotencyKey'
> &
  Partial<Pick<PayoutRecord, 'reference' | 'paidAt' | 'failureReason'>>;

/**
 * The payload of the `partners.payout.*` events on `strapi.eventHub`. `idempotencyKey` is stable
 * per payout: a listener that moves money (account credit) keys its own write by it.
 */
export const payoutEvent = (payout: EventPayout, partnerId: number | null) => ({
  payout: {
    id: payout.id,
    documentId: payout.documentId,
    partnerId,
    currency: payout.currency,
    amount: payout.amount,
    period: periodOf(payout),
    periodStart: payout.periodStart,
    periodEnd: payout.periodEnd,
    status: payout.state,
    method: payout.method?.type ?? null,
    reference: payout.reference ?? null,
    paidAt: isoOrNull(payout.paidAt),
    failureReason: payout.failureReason ?? null,
    idempotencyKey: payout.idempotencyKey,
  },
});
export type PayoutEvent = ReturnType<typeof payoutEvent>;
