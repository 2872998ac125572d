import { z } from 'zod';
import { isCurrency } from '../currency';
import { normaliseReferralCode } from '../tracking/referral-code';

/**
 * Orders in (SPEC §7): `POST /api/partners/orders`, its refunds and customer status changes.
 * Bodies follow Strapi's `{ data: { ... } }`. Money is integer minor units, at most the largest
 * value every supported database stores in an integer column.
 */
export const MAX_AMOUNT = 2_147_483_647;

const amount = z.int().min(0).max(MAX_AMOUNT);
const text = (max: number) => z.string().trim().min(1).max(max);
/** Referral codes are case-insensitive: matched in their stored, lower-case form. */
export const referralCodeSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/i, 'letters, digits, "-" and "_" only')
  .transform(normaliseReferralCode);

export const currencySchema = z
  .string()
  .regex(/^[a-z]{3}$/i, 'a three-letter ISO 4217 code')
  .transform((code) => code.toUpperCase())
  .refine(isCurrency, 'unknown currency');

export const orderItemSchema = z.strictObject({
  product: text(255),
  /** Line total in minor units (price × quantity, after line discounts). */
  amount,
  quantity: z.int().min(1).max(100_000).default(1),
});

/** What a site reports: the order's state as it knows it now. Replays upsert by `externalId`. */
export const orderInputSchema = z
  .strictObject({
    externalId: text(255),
    amount,
    currency: currencySchema,
    status: z.enum(['pending', 'paid', 'failed']).default('paid'),
    paidAt: z.iso.datetime({ offset: true }).optional(),
    items: z.array(orderItemSchema).max(500).optional(),
    customerEmail: z.email().max(254).optional(),
    customerName: text(200).optional(),
    customerExternalId: text(255).optional(),
    referralCode: referralCodeSchema.optional(),
    couponCode: referralCodeSchema.optional(),
    visitorId: text(64).optional(),
    paidByPartner: z.boolean().optional(),
    subscriptionId: text(255).optional(),
    /** The payment (e.g. a Stripe payment intent or charge) refunds and disputes will name. */
    paymentReference: text(255).optional(),
    failureReason: text(500).optional(),
  })
  .refine(
    (order) =>
      !order.items || order.items.reduce((sum, item) => sum + item.amount, 0) <= MAX_AMOUNT,
    { message: 'the items add up to more than the largest order amount', path: ['items'] }
  );
export type OrderInput = z.output<typeof orderInputSchema>;

export const createOrderRequestSchema = z.strictObject({ data: orderInputSchema });
export type CreateOrderRequest = z.input<typeof createOrderRequestSchema>;

/** A refund of `amount` (this refund, not a running total). `refundId` makes replays harmless. */
export const refundInputSchema = z.strictObject({
  amount: z.int().min(1).max(MAX_AMOUNT),
  refundId: text(255).optional(),
});
export type RefundInput = z.output<typeof refundInputSchema>;
export const createRefundRequestSchema = z.strictObject({ data: refundInputSchema });

export const customerStatusInputSchema = z.strictObject({
  status: z.enum(['active', 'churned']),
  at: z.iso.datetime({ offset: true }).optional(),
});
export type CustomerStatusInput = z.output<typeof customerStatusInputSchema>;
export const customerStatusRequestSchema = z.strictObject({ data: customerStatusInputSchema });

export const externalIdParamSchema = text(255);
