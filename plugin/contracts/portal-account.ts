import { z } from 'zod';
import { DEAL_STATUSES, PAYOUT_STATUSES } from '../model';
import { domainOf } from '../deals/deal-customer-keys';
import { isAbaRoutingNumber } from '../payouts/is-aba-routing-number';
import { daySchema } from './admin-common';
import { portalFileSchema } from './media';
import { currencySchema, MAX_AMOUNT } from './orders';
import {
  emailSchema,
  moneySchema,
  pageSchema,
  pageSizeSchema,
  paginationSchema,
  programRefSchema,
  programSlugSchema,
  requiredText,
} from './portal-common';

/** The portal's payouts, payout method, deals and sub-partners (see contracts/portal.ts). */

/* ---------------------------------------------------------------- payouts */

export const listPortalPayoutsQuerySchema = z.strictObject({
  page: pageSchema,
  pageSize: pageSizeSchema,
});
export type ListPortalPayoutsQuery = z.output<typeof listPortalPayoutsQuerySchema>;

export const portalPayoutSchema = z.object({
  documentId: z.string(),
  amount: z.int(),
  currency: z.string(),
  status: z.enum(PAYOUT_STATUSES),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  paidAt: z.string().nullable(),
  method: z.object({ type: z.string() }).nullable(),
  reference: z.string().nullable(),
});
export type PortalPayout = z.infer<typeof portalPayoutSchema>;
export const payoutsResponseSchema = z.object({
  data: z.array(portalPayoutSchema),
  meta: z.object({ pagination: paginationSchema }),
});
export type PayoutsResponse = z.infer<typeof payoutsResponseSchema>;

/* ---------------------------------------------------------------- payout method */

export const routingNumberSchema = z
  .string()
  .trim()
  .refine(isAbaRoutingNumber, 'a 9-digit US routing number (ABA) with a valid check digit');
export const accountNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{4,17}$/, 'a US account number: 4 to 17 digits');

const paypalInput = z.strictObject({ type: z.literal('paypal'), email: emailSchema });
const bankInput = z.strictObject({
  type: z.literal('bank'),
  holder: requiredText(200),
  routingNumber: routingNumberSchema,
  accountNumber: accountNumberSchema,
});
const creditInput = z.strictObject({ type: z.literal('credit') });
const stripeInput = z.strictObject({
  type: z.literal('stripe'),
  /** The partner's Stripe Connect account. */
  accountId: z
    .string()
    .trim()
    .regex(/^acct_[A-Za-z0-9]{1,64}$/, 'a Stripe account id (acct_…)'),
});
export const payoutMethodInputSchema = z.discriminatedUnion('type', [
  paypalInput,
  bankInput,
  creditInput,
  stripeInput,
]);
export type PayoutMethodInput = z.output<typeof payoutMethodInputSchema>;

/** The partner's current password: every change of payout details asks for it again. */
export const currentPasswordSchema = z.string().min(1).max(200);

/** `PUT /payout-method`: saves the method beside the others and makes it the active one. */
const withPassword = { password: currentPasswordSchema };
export const putPayoutMethodRequestSchema = z.strictObject({
  data: z.discriminatedUnion('type', [
    paypalInput.extend(withPassword),
    bankInput.extend(withPassword),
    creditInput.extend(withPassword),
    stripeInput.extend(withPassword),
  ]),
});
export type PutPayoutMethodRequest = z.input<typeof putPayoutMethodRequestSchema>;

/** `POST /payout-methods`: saves another method; it becomes active only when it is the first. */
export const addPayoutMethodRequestSchema = z.strictObject({
  data: z.strictObject({ method: payoutMethodInputSchema, password: currentPasswordSchema }),
});
export type AddPayoutMethodRequest = z.input<typeof addPayoutMethodRequestSchema>;

/** `POST /payout-methods/:id/activate`: the explicit switch of the active method. */
export const activatePayoutMethodRequestSchema = z.strictObject({
  data: z.strictObject({ password: currentPasswordSchema }),
});
export type ActivatePayoutMethodRequest = z.input<typeof activatePayoutMethodRequestSchema>;
/** `POST /payout-methods/:id/remove`: a saved method that is not the active one, removed. */
export const removePayoutMethodRequestSchema = activatePayoutMethodRequestSchema;
export type RemovePayoutMethodRequest = ActivatePayoutMethodRequest;
export const payoutMethodIdSchema = z.string().regex(/^pm_[a-z0-9]{1,32}$/, 'a payout method id');

/** What the portal shows of a method: never a full bank number. */
const portalMethodSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paypal'), email: z.string() }),
  z.object({ type: z.literal('bank'), holder: z.string(), last4: z.string() }),
  z.object({ type: z.literal('credit') }),
  z.object({ type: z.literal('stripe') }),
]);
export const portalPayoutMethodSchema = portalMethodSchema.nullable();
export type PortalPayoutMethod = z.infer<typeof portalPayoutMethodSchema>;
export const payoutMethodResponseSchema = z.object({ data: portalPayoutMethodSchema });
export type PayoutMethodResponse = z.infer<typeof payoutMethodResponseSchema>;

export const savedPayoutMethodSchema = z.object({
  id: z.string(),
  active: z.boolean(),
  addedAt: z.string().nullable(),
  method: portalMethodSchema,
});
export type SavedPayoutMethod = z.infer<typeof savedPayoutMethodSchema>;
/** Whether the e-mail notice of a change went out, and why not. */
export const noticeSchema = z.object({ mailed: z.boolean(), mailError: z.string().nullable() });
export const payoutMethodsResponseSchema = z.object({
  data: z.array(savedPayoutMethodSchema),
  meta: z.object({ notice: noticeSchema.optional() }),
});
export type PayoutMethodsResponse = z.infer<typeof payoutMethodsResponseSchema>;

/* ---------------------------------------------------------------- deals */

export const listDealsQuerySchema = z.strictObject({
  status: z.enum(DEAL_STATUSES).optional(),
  program: programSlugSchema.optional(),
  page: pageSchema,
  pageSize: pageSizeSchema,
});
export type ListDealsQuery = z.output<typeof listDealsQuerySchema>;

export const createDealRequestSchema = z.strictObject({
  data: z.strictObject({
    program: programSlugSchema,
    company: requiredText(200),
    contactName: requiredText(200),
    contactEmail: emailSchema,
    /** Minor units of `currency`. */
    estimatedValue: z.int().min(0).max(MAX_AMOUNT),
    currency: currencySchema,
    /** The company's web site or domain ("acme.com"); one customer per domain across partners. */
    domain: z
      .string()
      .trim()
      .max(253)
      .refine((value) => value === '' || domainOf(value) !== null, 'a domain such as "acme.com"')
      .transform((value) => domainOf(value))
      .optional(),
    /** The day the partner expects the deal to close. */
    expectedCloseAt: daySchema.optional(),
  }),
});
export type CreateDealRequest = z.input<typeof createDealRequestSchema>;
export type CreateDealInput = z.output<typeof createDealRequestSchema>['data'];

export const portalDealSchema = z.object({
  documentId: z.string(),
  company: z.string(),
  domain: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string(),
  estimatedValue: z.int().nullable(),
  currency: z.string().nullable(),
  status: z.enum(DEAL_STATUSES),
  /** Another open registration names this customer: an editor decides (no one is named). */
  held: z.boolean(),
  expectedCloseAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  program: programRefSchema.nullable(),
  /** Files the partner attached, downloaded through the portal. */
  attachments: z.array(portalFileSchema),
  createdAt: z.string(),
});
export type PortalDeal = z.infer<typeof portalDealSchema>;
export const dealResponseSchema = z.object({ data: portalDealSchema });
export const dealsResponseSchema = z.object({
  data: z.array(portalDealSchema),
  meta: z.object({ pagination: paginationSchema }),
});
export type DealsResponse = z.infer<typeof dealsResponseSchema>;

/* ---------------------------------------------------------------- sub-partners */

export const subPartnersResponseSchema = z.object({
  data: z.array(
    z.object({
      name: z.string(),
      joinedAt: z.string(),
      /** Level-2 entries earned from this recruit (not reversed or rejected), per currency. */
      earnings: z.array(moneySchema),
    })
  ),
  meta: z.object({ recruitUrl: z.string().nullable() }),
});
export type SubPartnersResponse = z.infer<typeof subPartnersResponseSchema>;
