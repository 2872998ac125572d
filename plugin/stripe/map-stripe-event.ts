import type { OrderEvent } from '../orders';

/**
 * SPEC §7: what a Stripe webhook event means for the plugin, decided without I/O. Orders are
 * keyed by the payment intent whenever the event names one, so a charge refund or dispute that
 * arrives before the invoice it paid lands on the same order, and every delivery order converges.
 */

/** An order as Stripe describes it; `events` are merged into its payment state. */
export interface StripeOrder {
  externalId: string;
  amount: number;
  currency: string;
  paymentReference?: string;
  /** Alternative ids an earlier event may have stored the same payment under. */
  aliases: string[];
  customerExternalId?: string;
  customerEmail?: string;
  customerName?: string;
  subscriptionId?: string;
  referralCode?: string;
  visitorId?: string;
  items?: Array<{ product: string; amount: number; quantity: number }>;
  failureReason?: string;
}

export interface StripeCustomer {
  customerExternalId?: string;
  /** The subscription a checkout started: its invoices may have arrived before the checkout. */
  subscriptionId?: string;
  customerEmail?: string;
  customerName?: string;
  referralCode?: string;
  visitorId?: string;
}

export type StripeAction =
  | { kind: 'order'; order: StripeOrder; events: OrderEvent[]; moneyIsAuthoritative: boolean }
  | { kind: 'claim'; customer: StripeCustomer }
  | { kind: 'churn'; customerExternalId: string }
  | { kind: 'ignore'; reason: string };

type StripeObject = Record<string, unknown>;

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;
const int = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
const obj = (value: unknown): StripeObject | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as StripeObject) : undefined;
/** Stripe fields that hold an id, or the expanded object carrying it. */
const idOf = (value: unknown) => str(value) ?? str(obj(value)?.id);
const unixToIso = (seconds: unknown) => {
  const value = int(seconds);
  return value === undefined ? undefined : new Date(value * 1000).toISOString();
};
const upper = (currency: unknown) => str(currency)?.toUpperCase();

/** The referral code a checkout or subscription carries: `client_reference_id`, or metadata. */
const referralOf = (source: StripeObject | undefined, clientReferenceId?: unknown) => {
  const metadata = obj(source?.metadata) ?? {};
  return {
    referralCode:
      str(clientReferenceId) ??
      str(metadata.partners_ref) ??
      str(metadata.referral_code) ??
      str(metadata.ref),
    visitorId: str(metadata.partners_visitor) ?? str(metadata.pvid),
  };
};

const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The payment intent that paid an invoice: `payments` (current API) or `payment_intent` (older). */
const invoicePaymentIntent = (invoice: StripeObject) => {
  const payments = (obj(invoice.payments)?.data as unknown[] | undefined) ?? [];
  for (const payment of payments) {
    const intent = idOf(obj(obj(payment)?.payment)?.payment_intent);
    if (intent) return intent;
  }
  return idOf(invoice.payment_intent);
};

const invoiceItems = (invoice: StripeObject, total: number) => {
  const lines = (obj(invoice.lines)?.data as unknown[] | undefined) ?? [];
  const items = lines.map((line) => {
    const row = obj(line) ?? {};
    const pricing = obj(obj(row.pricing)?.price_details);
    const product =
      idOf(pricing?.product) ?? idOf(obj(row.price)?.product) ?? str(row.description) ?? 'item';
    return { product, amount: int(row.amount) ?? 0, quantity: int(row.quantity) ?? 1 };
  });
  // Lines that do not add up to what was paid (discounts, tax, credit) would misstate the basis.
  const sum = items.reduce((total, item) => total + item.amount, 0);
  return items.length > 0 && sum === total && items.every((item) => item.amount >= 0)
    ? items
    : undefined;
};

const mapCheckoutSession = (session: StripeObject): StripeAction => {
  const details = obj(session.customer_details);
  const customer = compact({
    customerExternalId: idOf(session.customer),
    customerEmail: str(details?.email) ?? str(session.customer_email),
    customerName: str(details?.name),
    subscriptionId: idOf(session.subscription),
    ...referralOf(session, session.client_reference_id),
  });
  const paid = session.payment_status === 'paid';
  const intent = idOf(session.payment_intent);
  // Subscriptions are paid by their invoices (`invoice.paid`); the session only names the referral.
  if (session.mode !== 'payment' || !paid) return { kind: 'claim', customer };
  const amount = int(session.amount_total);
  const currency = upper(session.currency);
  if (amount === undefined || !currency) return { kind: 'ignore', reason: 'no amount' };
  return {
    kind: 'order',
    order: compact({
      externalId: intent ?? (str(session.id) as string),
      amount,
      currency,
      paymentReference: intent,
      aliases: [str(session.id)].filter((id): id is string => Boolean(id)),
      ...customer,
    }),
    events: [{ type: 'paid', paidAt: unixToIso(session.created) ?? new Date(0).toISOString() }],
    moneyIsAuthoritative: true,
  };
};

const mapInvoice = (invoice: StripeObject, outcome: 'paid' | 'failed'): StripeAction => {
  const id = str(invoice.id);
  const currency = upper(invoice.currency);
  const amount = outcome === 'paid' ? int(invoice.amount_paid) : int(invoice.amount_due);
  if (!id || !currency || amount === undefined)
    return { kind: 'ignore', reason: 'incomplete invoice' };
  if (outcome === 'paid' && amount === 0) return { kind: 'ignore', reason: 'nothing was paid' };
  const intent = invoicePaymentIntent(invoice);
  const subscriptionDetails = obj(obj(invoice.parent)?.subscription_details);
  const transitions = obj(invoice.status_transitions);
  return {
    kind: 'order',
    order: compact({
      externalId: intent ?? id,
      amount,
      currency,
      paymentReference: intent,
      aliases: [id],
      customerExternalId: idOf(invoice.customer),
      customerEmail: str(invoice.customer_email),
      customerName: str(invoice.customer_name),
      subscriptionId: idOf(subscriptionDetails?.subscription) ?? idOf(invoice.subscription),
      ...referralOf(subscriptionDetails ?? invoice),
      items: outcome === 'paid' ? invoiceItems(invoice, amount) : undefined,
      failureReason:
        outcome === 'failed'
          ? (str(obj(invoice.last_finalization_error)?.message) ?? 'The invoice payment failed.')
          : undefined,
    }),
    events:
      outcome === 'paid'
        ? [
            {
              type: 'paid',
              paidAt:
                unixToIso(transitions?.paid_at) ??
                unixToIso(invoice.created) ??
                new Date(0).toISOString(),
            },
          ]
        : [{ type: 'failed' }],
    moneyIsAuthoritative: outcome === 'paid',
  };
};

/** A charge names its payment intent; the order may be stored under it, the charge or its invoice. */
const chargeOrder = (charge: StripeObject): StripeOrder | null => {
  const chargeId = str(charge.id);
  const amount = int(charge.amount);
  const currency = upper(charge.currency);
  if (!chargeId || amount === undefined || !currency) return null;
  const intent = idOf(charge.payment_intent);
  const billing = obj(charge.billing_details);
  return compact({
    externalId: intent ?? chargeId,
    amount,
    currency,
    paymentReference: chargeId,
    aliases: [chargeId, idOf(charge.invoice)].filter((id): id is string => Boolean(id)),
    customerExternalId: idOf(charge.customer),
    customerEmail: str(billing?.email) ?? str(charge.receipt_email),
    customerName: str(billing?.name),
  });
};

const mapDispute = (dispute: StripeObject, closed: boolean): StripeAction => {
  const chargeId = idOf(dispute.charge);
  const amount = int(dispute.amount);
  const currency = upper(dispute.currency);
  if (!chargeId || amount === undefined || !currency)
    return { kind: 'ignore', reason: 'incomplete dispute' };
  const intent = idOf(dispute.payment_intent);
  const outcome: OrderEvent = !closed
    ? { type: 'dispute-opened' }
    : dispute.status === 'lost'
      ? { type: 'dispute-lost' }
      : { type: 'dispute-won' };
  return {
    kind: 'order',
    order: {
      externalId: intent ?? chargeId,
      amount,
      currency,
      paymentReference: chargeId,
      aliases: [chargeId],
    },
    events: [outcome],
    moneyIsAuthoritative: false,
  };
};

/** Maps one verified Stripe event to what the plugin does with it. */
export function mapStripeEvent(event: { type: string; data: { object: unknown } }): StripeAction {
  const object = obj(event.data?.object) ?? {};
  switch (event.type) {
    case 'checkout.session.completed':
      return mapCheckoutSession(object);
    case 'invoice.paid':
    case 'invoice.payment_succeeded':
      return mapInvoice(object, 'paid');
    case 'invoice.payment_failed':
      return mapInvoice(object, 'failed');
    case 'charge.refunded': {
      const order = chargeOrder(object);
      const refunded = int(object.amount_refunded);
      if (!order || refunded === undefined) return { kind: 'ignore', reason: 'incomplete charge' };
      return {
        kind: 'order',
        order,
        events: [{ type: 'refunded', refundedAmount: refunded }],
        moneyIsAuthoritative: false,
      };
    }
    case 'charge.failed': {
      const order = chargeOrder(object);
      if (!order) return { kind: 'ignore', reason: 'incomplete charge' };
      const reason =
        str(object.failure_message) ?? str(object.failure_code) ?? 'The charge was declined.';
      return {
        kind: 'order',
        order: { ...order, failureReason: reason },
        events: [{ type: 'failed' }],
        moneyIsAuthoritative: false,
      };
    }
    case 'charge.dispute.created':
      return mapDispute(object, false);
    case 'charge.dispute.closed':
      return mapDispute(object, true);
    case 'customer.subscription.deleted': {
      const customer = idOf(object.customer);
      return customer
        ? { kind: 'churn', customerExternalId: customer }
        : { kind: 'ignore', reason: 'no customer' };
    }
    default:
      return { kind: 'ignore', reason: `${event.type} is not used` };
  }
}
