import type { PayoutView } from '../../../plugin/contracts/payouts';
import { isoOrNull } from './payout-ledger';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** "2026-01" from a stored `periodStart` ("2026-01-01"). */
export const periodOf = (payout: Row): string => String(payout.periodStart ?? '').slice(0, 7);

/** What the admin sees of a payout: the method's type only, never its details. */
export const toPayoutView = (payout: Row): PayoutView => ({
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

/**
 * The payload of the `partners.payout.*` events on `strapi.eventHub`. `idempotencyKey` is stable
 * per payout: a listener that moves money (account credit) keys its own write by it.
 */
export const payoutEvent = (payout: Row, partnerId: number | null) => ({
  payout: {
    id: payout.id as number,
    documentId: payout.documentId as string,
    partnerId,
    currency: payout.currency as string,
    amount: payout.amount as number,
    period: periodOf(payout),
    periodStart: payout.periodStart as string,
    periodEnd: payout.periodEnd as string,
    status: payout.state as string,
    method: (payout.method?.type as string | undefined) ?? null,
    reference: (payout.reference as string | null) ?? null,
    paidAt: isoOrNull(payout.paidAt),
    failureReason: (payout.failureReason as string | null) ?? null,
    idempotencyKey: payout.idempotencyKey as string,
  },
});
export type PayoutEvent = ReturnType<typeof payoutEvent>;
