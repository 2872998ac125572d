import { errors } from '@strapi/utils';
import Stripe from 'stripe';
import type { PluginConfig } from '../../../plugin/contracts/config';
import { transferKey } from '../../../plugin/payouts';

let cached: { signature: string; client: Stripe } | null = null;

/**
 * The Stripe SDK client for Connect transfers. `stripe.apiBase` points it at another endpoint
 * (stripe-mock, or the tests' stand-in, since Stripe itself is not reachable from CI).
 */
export const stripeClient = (config: PluginConfig['stripe']): Stripe => {
  const secretKey = config.secretKey ?? process.env.STRIPE_SECRET_KEY;
  if (!secretKey) {
    throw new errors.ApplicationError(
      'Stripe is not configured: set stripe.secretKey (or STRIPE_SECRET_KEY) to send transfers'
    );
  }
  const signature = `${secretKey}\u0000${config.apiBase ?? ''}`;
  if (cached?.signature !== signature) {
    const base = config.apiBase ? new URL(config.apiBase) : null;
    const protocol = base?.protocol === 'http:' ? 'http' : 'https';
    cached = {
      signature,
      client: new Stripe(secretKey, {
        maxNetworkRetries: 2,
        ...(base
          ? { host: base.hostname, port: base.port || (protocol === 'http' ? 80 : 443), protocol }
          : {}),
      }),
    };
  }
  return cached.client;
};

export interface TransferablePayout {
  documentId: string;
  amount: number;
  currency: string;
  idempotencyKey: string;
  period: string;
}

/**
 * One Connect transfer per payout. The `Idempotency-Key` is derived from the payout's own key,
 * so a retry after a crash (or the SDK's own network retries) gets the transfer Stripe already
 * made. Stripe keeps keys for 24 hours; the payouts service refuses blind retries after that.
 */
export const createTransfer = (client: Stripe, payout: TransferablePayout, accountId: string) =>
  client.transfers.create(
    {
      amount: payout.amount,
      currency: payout.currency.toLowerCase(),
      destination: accountId,
      transfer_group: `partners_payout_${payout.documentId}`,
      description: `Partner commissions ${payout.period}`,
      metadata: { payout: payout.documentId, idempotencyKey: payout.idempotencyKey },
    },
    { idempotencyKey: transferKey(payout.idempotencyKey) }
  );

/** Stripe looked at the request and said no: retrying the same request cannot succeed. */
export const isDefinitiveStripeError = (error: unknown): boolean =>
  error instanceof Stripe.errors.StripeInvalidRequestError ||
  error instanceof Stripe.errors.StripePermissionError ||
  error instanceof Stripe.errors.StripeCardError;
