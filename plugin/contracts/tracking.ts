import { z } from 'zod';
import { ATTRIBUTION_MODELS } from '../model';
import { VISITOR_ID_PATTERN } from '../tracking/is-visitor-id';
import { referralCodeSchema } from './orders';

/**
 * The tracker's public endpoints (SPEC §6), called from visitors' browsers: every field is
 * untrusted, bounded and checked. Bodies follow Strapi's `{ data: { ... } }`.
 */
const visitorIdSchema = z
  .string()
  .regex(VISITOR_ID_PATTERN, 'a visitor id from the tracker (16–64 letters, digits, "-", "_")');

/** `POST /api/partners/track/click`: a visit that arrived with `?ref=` but not through a redirect. */
export const trackClickInputSchema = z.strictObject({
  code: referralCodeSchema,
  visitorId: visitorIdSchema.optional(),
  landingUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
  referrer: z.string().max(2048).optional(),
});
export type TrackClickInput = z.output<typeof trackClickInputSchema>;
export const trackClickRequestSchema = z.strictObject({ data: trackClickInputSchema });
export type TrackClickRequest = z.input<typeof trackClickRequestSchema>;

/** What the tracker needs to keep its cookie the way the program attributes (SPEC §6). */
export const linkSettingsSchema = z.object({
  code: z.string(),
  /** Days the cookie lives; null means the program has no window (the cookie lives 400 days). */
  attributionWindowDays: z.int().min(1).nullable(),
  /** `first-click` keeps an existing cookie, `last-click` replaces it. */
  attributionModel: z.enum(ATTRIBUTION_MODELS),
});
export type LinkSettings = z.output<typeof linkSettingsSchema>;

export interface TrackClickResponse {
  data: LinkSettings & { visitorId: string };
}

/** `GET /api/partners/track/links/:code`: the settings alone, for visits through a redirect. */
export interface LinkSettingsResponse {
  data: LinkSettings;
}

/** `POST /api/partners/track/signup`: a visitor signed up on the site. */
export const trackSignupInputSchema = z.strictObject({
  code: referralCodeSchema.optional(),
  visitorId: visitorIdSchema.optional(),
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1).max(200).optional(),
});
export type TrackSignupInput = z.output<typeof trackSignupInputSchema>;
export const trackSignupRequestSchema = z.strictObject({ data: trackSignupInputSchema });
export type TrackSignupRequest = z.input<typeof trackSignupRequestSchema>;

/**
 * The same answer whatever happened: a public endpoint must not tell a stranger whether an
 * e-mail address is a referred contact, or whose.
 */
export interface TrackSignupResponse {
  data: { received: true };
}

export const linkCodeParamSchema = referralCodeSchema;
