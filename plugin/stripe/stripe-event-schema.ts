import { z } from 'zod';
import { MAX_AMOUNT } from '../contracts/orders';

/**
 * SPEC §7, §11: what a signed Stripe event must look like before anything is stored. Only the
 * fields `mapStripeEvent` reads are checked; everything else Stripe sends passes through, so a
 * newer API version with more fields is still accepted. A signature proves who sent an event,
 * not that its content fits our columns: an event that does not fit is a 400 and stores nothing.
 */

const MAX_TEXT = 255;

/** Text a varchar(255) column holds on every database: no NUL, at most 255 characters. */
const text = z
  .string()
  .max(MAX_TEXT)
  .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');
const id = text.min(1);
const optionalText = text.nullish();
/** An id, or the expanded object carrying it. */
const expandable = z.union([id, z.looseObject({ id })]).nullish();
const amount = z.int().min(0).max(MAX_AMOUNT);
const currency = z.string().regex(/^[a-z]{3}$/i, 'a three-letter ISO 4217 code');
const unixSeconds = z.int().min(0).nullish();
const metadata = z.record(z.string(), text).nullish();

const checkoutSession = z.looseObject({
  id,
  mode: optionalText,
  payment_status: optionalText,
  amount_total: amount.nullish(),
  currency: currency.nullish(),
  customer: expandable,
  subscription: expandable,
  payment_intent: expandable,
  client_reference_id: optionalText,
  customer_email: optionalText,
  customer_details: z.looseObject({ email: optionalText, name: optionalText }).nullish(),
  metadata,
  created: unixSeconds,
});

const invoice = z.looseObject({
  id,
  currency,
  amount_paid: amount,
  amount_due: amount,
  customer: expandable,
  customer_email: optionalText,
  customer_name: optionalText,
  subscription: expandable,
  payment_intent: expandable,
  parent: z
    .looseObject({
      subscription_details: z.looseObject({ subscription: expandable, metadata }).nullish(),
    })
    .nullish(),
  payments: z
    .looseObject({
      data: z
        .array(
          z.looseObject({
            payment: z.looseObject({ payment_intent: expandable }).nullish(),
          })
        )
        .max(100),
    })
    .nullish(),
  lines: z
    .looseObject({
      // Discount and proration lines may be negative: only their size is bounded.
      data: z
        .array(
          z.looseObject({
            amount: z.int().min(-MAX_AMOUNT).max(MAX_AMOUNT).nullish(),
            quantity: z.int().min(0).max(MAX_AMOUNT).nullish(),
            description: optionalText,
          })
        )
        .max(500),
    })
    .nullish(),
  status_transitions: z.looseObject({ paid_at: unixSeconds }).nullish(),
  last_finalization_error: z.looseObject({ message: z.string().nullish() }).nullish(),
  metadata,
  created: unixSeconds,
});

const charge = z
  .looseObject({
    id,
    amount,
    amount_refunded: amount.nullish(),
    currency,
    customer: expandable,
    invoice: expandable,
    payment_intent: expandable,
    receipt_email: optionalText,
    billing_details: z.looseObject({ email: optionalText, name: optionalText }).nullish(),
    failure_message: z.string().nullish(),
    failure_code: optionalText,
  })
  .refine((value) => (value.amount_refunded ?? 0) <= value.amount, {
    message: 'amount_refunded is more than the charge amount',
    path: ['amount_refunded'],
  });

const dispute = z.looseObject({
  id,
  charge: expandable,
  payment_intent: expandable,
  amount,
  currency,
  status: optionalText,
});

const subscription = z.looseObject({ id, customer: expandable });

/** The objects of the event types the plugin uses; other types are acknowledged and ignored. */
const OBJECT_SCHEMAS: Record<string, z.ZodType> = {
  'checkout.session.completed': checkoutSession,
  'invoice.paid': invoice,
  'invoice.payment_succeeded': invoice,
  'invoice.payment_failed': invoice,
  'charge.refunded': charge,
  'charge.failed': charge,
  'charge.dispute.created': dispute,
  'charge.dispute.closed': dispute,
  'customer.subscription.deleted': subscription,
};

/** A Stripe event as the webhook accepts it: its envelope, and the object of a used type. */
export const stripeEventSchema = z
  .looseObject({
    id,
    type: id,
    livemode: z.boolean().optional(),
    data: z.looseObject({ object: z.looseObject({}) }),
  })
  .superRefine((event, ctx) => {
    if (!Object.hasOwn(OBJECT_SCHEMAS, event.type)) return;
    const result = OBJECT_SCHEMAS[event.type].safeParse(event.data.object);
    if (result.success) return;
    for (const issue of result.error.issues) {
      ctx.addIssue({
        code: 'custom',
        message: issue.message,
        path: ['data', 'object', ...issue.path.map((key) => key as string | number)],
      });
    }
  });

export type StripeEvent = z.output<typeof stripeEventSchema>;
