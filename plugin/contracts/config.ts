import { z } from 'zod';

/** The order fields a host collection can provide (config `orders.fields`). */
export const HOST_ORDER_FIELDS = [
  'externalId',
  'amount',
  'currency',
  'status',
  'paidAt',
  'refundedAmount',
  'customerEmail',
  'customerName',
  'customerExternalId',
  'referralCode',
  'couponCode',
  'visitorId',
  'subscriptionId',
] as const;
export type HostOrderField = (typeof HOST_ORDER_FIELDS)[number];

/**
 * The plugin's configuration (`config/plugins.ts` → `partners.config`), validated at boot.
 * Defaults live here so the docs, the server and the tests read one source.
 */
const routePath = z
  .string()
  .regex(
    /^\/[a-z0-9][a-z0-9/_-]*$/i,
    'must start with "/" and contain only letters, digits, "-", "_" and "/"'
  )
  .refine((path) => !path.endsWith('/'), 'must not end with "/"');

export const pluginConfigSchema = z.object({
  portal: z
    .object({
      path: routePath.default('/partner-portal'),
      title: z.string().max(100).default('Partner portal'),
      logoUrl: z.string().max(2048).optional(),
      primaryColor: z
        .string()
        .regex(/^#[0-9a-f]{6}$/i)
        .default('#4945ff'),
    })
    .prefault({}),
  /** Partner accounts and the portal's sign-in (SPEC §8). */
  partners: z
    .object({
      /** How long an invitation link stays valid. */
      invitationTtlHours: z.number().int().min(1).max(720).default(72),
      /**
       * Secret for payout details at rest (AES-256-GCM, key derived from it); the env
       * PARTNERS_ENCRYPTION_KEY when absent.
       */
      encryptionKey: z.string().min(16).optional(),
    })
    .prefault({}),
  tracking: z
    .object({
      shortPath: routePath.nullable().default('/go'),
      ipSalt: z.string().min(16).optional(),
      fallbackUrl: z.url().optional(),
      /** The redirect's per-node caches of links and program settings (docs/configuration.md). */
      linkCache: z
        .object({
          /** Links held per node; the least recently used go first (an entry is under 1 kB). */
          maxEntries: z.number().int().min(100).max(1_000_000).default(50_000),
          /** How often a node reads the shared version: others' changes show within this. */
          checkMs: z.number().int().min(100).max(60_000).default(2_000),
        })
        .prefault({}),
    })
    .prefault({}),
  stripe: z
    .object({
      secretKey: z.string().optional(),
      webhookSecret: z.string().optional(),
      /** Another endpoint for Stripe's API (stripe-mock, tests): `http://127.0.0.1:12111`. */
      apiBase: z.url().optional(),
    })
    .prefault({}),
  /** A host collection mirrored as orders (SPEC §7): see docs/configuration.md. */
  orders: z
    .object({
      contentType: z
        .string()
        .regex(/^(api|plugin)::[\w-]+\.[\w-]+$/)
        .optional(),
      /** Order field → the host field that holds it; unmapped fields keep their own names. */
      fields: z.partialRecord(z.enum(HOST_ORDER_FIELDS), z.string().min(1)).default({}),
      /** `major` when the host stores 99.99 rather than 9999. */
      amountUnit: z.enum(['minor', 'major']).default('minor'),
      defaultCurrency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .optional(),
      paidStatuses: z.array(z.string()).default(['paid', 'completed', 'complete', 'succeeded']),
      failedStatuses: z.array(z.string()).default(['failed', 'declined', 'canceled', 'cancelled']),
      refundedStatuses: z.array(z.string()).default(['refunded']),
    })
    .prefault({}),
  jobs: z
    .object({
      enabled: z.boolean().default(true),
      /**
       * Tests and demos only: every job runs every `tickSeconds` seconds and its tick is that
       * window (instead of 5 minutes, an hour, a month), so several ticks pass in a minute.
       */
      tickSeconds: z
        .number()
        .int()
        .refine((seconds) => seconds > 0 && 60 % seconds === 0, {
          message: 'a divisor of 60 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60)',
        })
        .optional(),
    })
    .prefault({}),
  /** Public endpoints' budgets per client address (SPEC §11). */
  rateLimit: z
    .object({
      /**
       * `redis://host:6379`: every node spends one shared budget per client. Without it each node
       * counts in its own (bounded) memory.
       */
      redis: z
        .string()
        .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
        .optional(),
    })
    .prefault({}),
  /** E-mails to partners through Strapi's email plugin (SPEC §10). */
  notifications: z
    .object({
      enabled: z.boolean().default(true),
      /** Sender; the email provider's `defaultFrom` when absent. */
      from: z.string().max(320).optional(),
      replyTo: z.string().max(320).optional(),
    })
    .prefault({}),
});

export type PluginConfigInput = z.input<typeof pluginConfigSchema>;
export type PluginConfig = z.output<typeof pluginConfigSchema>;
