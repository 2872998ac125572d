import { z } from 'zod';

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
  tracking: z
    .object({
      shortPath: routePath.nullable().default('/go'),
      ipSalt: z.string().min(16).optional(),
      fallbackUrl: z.url().optional(),
    })
    .prefault({}),
  stripe: z
    .object({
      secretKey: z.string().optional(),
      webhookSecret: z.string().optional(),
    })
    .prefault({}),
  orders: z
    .object({
      contentType: z
        .string()
        .regex(/^(api|plugin)::[\w-]+\.[\w-]+$/)
        .optional(),
      fields: z.record(z.string(), z.string()).default({}),
    })
    .prefault({}),
  jobs: z
    .object({
      enabled: z.boolean().default(true),
    })
    .prefault({}),
});

export type PluginConfigInput = z.input<typeof pluginConfigSchema>;
export type PluginConfig = z.output<typeof pluginConfigSchema>;
