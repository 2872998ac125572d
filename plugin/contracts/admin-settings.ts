import { z } from 'zod';
import { ASSET_TYPES } from '../model';
import type { LastDelivery } from './notifications';
import { slugSchema, pageQuery, ProgramRef, documentIdSchema } from './admin-common';

/** Marketing assets and plugin settings in the admin (SPEC §9); part of ./admin.ts. */

// Assets (programs.manage): GET /assets, POST /assets, PUT /assets/:id, DELETE /assets/:id

export const listAssetsQuerySchema = z.strictObject({
  program: slugSchema.optional(),
  type: z.enum(ASSET_TYPES).optional(),
  ...pageQuery,
});
export type ListAssetsQuery = z.output<typeof listAssetsQuerySchema>;

const assetFields = {
  /** The program's documentId; null: shown in every program. */
  program: documentIdSchema.nullable(),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).nullable(),
  type: z.enum(ASSET_TYPES),
  /** An uploaded file (media library id). */
  file: z.int().min(1).nullable(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable(),
};

export const createAssetRequestSchema = z.strictObject({
  data: z
    .strictObject({
      ...assetFields,
      program: assetFields.program.default(null),
      description: assetFields.description.default(null),
      file: assetFields.file.default(null),
      url: assetFields.url.default(null),
    })
    .refine((asset) => asset.file !== null || asset.url !== null || asset.type === 'copy', {
      message: 'a file or a url (only copy may have neither)',
      path: ['url'],
    }),
});
export type CreateAssetRequest = z.input<typeof createAssetRequestSchema>;

export const updateAssetRequestSchema = z.strictObject({
  data: z
    .strictObject(assetFields)
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, 'nothing to change'),
});
export type UpdateAssetRequest = z.input<typeof updateAssetRequestSchema>;

export interface AssetView {
  documentId: string;
  program: ProgramRef | null;
  title: string;
  description: string | null;
  type: (typeof ASSET_TYPES)[number];
  file: { id: number; name: string; url: string; mime: string | null } | null;
  url: string | null;
  createdAt: string;
}

// Settings (settings.manage): GET /settings, PUT /settings

/** What editors may change at run time (stored in Strapi's store, over config/plugins.ts). */
export const settingsOverridesSchema = z.strictObject({
  portal: z
    .strictObject({
      title: z.string().trim().min(1).max(100).optional(),
      logoUrl: z
        .url({ protocol: /^https?$/ })
        .max(2048)
        .nullable()
        .optional(),
      primaryColor: z
        .string()
        .regex(/^#[0-9a-f]{6}$/i, 'a colour as "#rrggbb"')
        .optional(),
    })
    .optional(),
  jobs: z.strictObject({ enabled: z.boolean().optional() }).optional(),
});
export type SettingsOverrides = z.output<typeof settingsOverridesSchema>;

export const updateSettingsRequestSchema = z.strictObject({ data: settingsOverridesSchema });
export type UpdateSettingsRequest = z.input<typeof updateSettingsRequestSchema>;

/** A secret is never returned: only whether it is configured. */
export type SecretState = 'set' | 'not set';

/**
 * Where a key the plugin needs comes from (never its value): `set` where the docs say to set it,
 * `fallback` derived from another of the app's secrets (works, stable while that secret stays),
 * `not set` when there is nothing to derive it from.
 */
export interface KeySource {
  state: 'set' | 'fallback' | 'not set';
  /** The config key or environment variable it is read or derived from. */
  source: string | null;
}

/** What invitations and e-mails depend on, as this node sees it. */
export interface DeliveryStatus {
  email: {
    /** The email plugin's provider (`plugin::email.provider`); null without the email plugin. */
    provider: string | null;
    /** False for Strapi's default `sendmail`, which needs a local mail transfer agent. */
    configured: boolean;
    /** The last e-mail this node tried to send (kept in memory: per node, since the start). */
    lastDelivery: LastDelivery | null;
  };
  /**
   * `server.url`: the public address e-mailed links are built on. Without it, e-mails carry a
   * bare path and the admin's copied links use the address the admin panel is opened on.
   */
  serverUrl: string | null;
}

export interface SettingsView {
  /** The configuration in force: config/plugins.ts, defaults, then the stored overrides. */
  effective: {
    portal: { path: string; title: string; logoUrl: string | null; primaryColor: string };
    partners: { invitationTtlHours: number; encryptionKey: KeySource };
    tracking: { shortPath: string | null; ipSalt: KeySource; fallbackUrl: string | null };
    stripe: { secretKey: SecretState; webhookSecret: SecretState; apiBase: string | null };
    orders: { contentType: string | null; amountUnit: 'minor' | 'major' };
    jobs: { enabled: boolean };
    notifications: { enabled: boolean; from: string | null; replyTo: string | null };
  };
  overrides: SettingsOverrides;
  status: DeliveryStatus;
}
export interface SettingsResponse {
  data: SettingsView;
}
