import type { Core } from '@strapi/strapi';
import {
  settingsOverridesSchema,
  type SecretState,
  type SettingsOverrides,
  type SettingsView,
} from '../../../plugin/contracts/admin';
import { PLUGIN_ID } from '../../../plugin/model';
import { ipSaltSource } from '../attribution/client-address';
import { getPluginConfig, getService } from './plugin-context';
import { encryptionKeySource } from './secrets';

const secret = (value: string | undefined | null): SecretState => (value ? 'set' : 'not set');
/** `server.url` when it is an absolute http(s) address: what e-mailed links are built on. */
export const publicServerUrl = (strapi: Core.Strapi) => {
  const value = String(strapi.config.get('server.url', '') ?? '');
  return /^https?:\/\//.test(value) ? value : null;
};
/** How often a node reads the stored overrides: a change on another node shows within this. */
export const SETTINGS_CHECK_MS = 5_000;

/** The config keys an override may set, as `strapi.config` paths under the plugin. */
const OVERRIDABLE = ['portal.title', 'portal.logoUrl', 'portal.primaryColor', 'jobs.enabled'];

const valueAt = (object: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value && typeof value === 'object' ? (value as never)[key] : undefined),
      object
    );

/**
 * Plugin settings in the admin (SPEC §9): the configuration in force with every secret shown
 * only as "set" / "not set" (or where a key is derived from), what invitations depend on (the
 * e-mail provider and its last result, `server.url`), and the few values editors may change at
 * run time, stored in Strapi's store and laid over config/plugins.ts: on this node at boot and on
 * every change, on the other nodes within `SETTINGS_CHECK_MS` (each reads the stored row that
 * often). `jobs.enabled` is read when the jobs are scheduled, so it takes effect at the next start.
 */
const createSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'settings' });
  /** config/plugins.ts values of the overridable keys, before any override. */
  let base: Record<string, unknown> | null = null;
  /** The overrides in force on this node, as stored. */
  let applied = '';
  let checker: NodeJS.Timeout | null = null;

  const overrides = async (): Promise<SettingsOverrides> => {
    const parsed = settingsOverridesSchema.safeParse((await store().get({})) ?? {});
    return parsed.success ? parsed.data : {};
  };

  const apply = (stored: SettingsOverrides) => {
    applied = JSON.stringify(stored);
    const config = strapi.config.get(`plugin::${PLUGIN_ID}`, {});
    base ??= Object.fromEntries(OVERRIDABLE.map((path) => [path, valueAt(config, path)]));
    for (const path of OVERRIDABLE) {
      const value = valueAt(stored, path);
      // null is an explicit "none" (no logo): the config's optional keys are then absent.
      const next = value === undefined ? base[path] : value === null ? undefined : value;
      strapi.config.set(`plugin::${PLUGIN_ID}.${path}`, next);
    }
  };

  const view = async (): Promise<SettingsView> => {
    const config = getPluginConfig({ strapi });
    return {
      effective: {
        portal: {
          path: config.portal.path,
          title: config.portal.title,
          logoUrl: config.portal.logoUrl ?? null,
          primaryColor: config.portal.primaryColor,
        },
        partners: {
          invitationTtlHours: config.partners.invitationTtlHours,
          encryptionKey: encryptionKeySource(strapi),
        },
        tracking: {
          shortPath: config.tracking.shortPath,
          ipSalt: ipSaltSource(config.tracking.ipSalt, strapi.config.get('server.app.keys', [])),
          fallbackUrl: config.tracking.fallbackUrl ?? null,
        },
        stripe: {
          secretKey: secret(config.stripe.secretKey ?? process.env.STRIPE_SECRET_KEY),
          webhookSecret: secret(config.stripe.webhookSecret ?? process.env.STRIPE_WEBHOOK_SECRET),
          apiBase: config.stripe.apiBase ?? null,
        },
        orders: {
          contentType: config.orders.contentType ?? null,
          amountUnit: config.orders.amountUnit,
        },
        jobs: { enabled: config.jobs.enabled },
        notifications: {
          enabled: config.notifications.enabled,
          from: config.notifications.from ?? null,
          replyTo: config.notifications.replyTo ?? null,
        },
      },
      overrides: await overrides(),
      status: {
        email: getService('notifications', { strapi }).emailStatus(),
        serverUrl: publicServerUrl(strapi),
      },
    };
  };

  return {
    /**
     * At bootstrap: lays the stored overrides over the configuration, then reads them again every
     * `SETTINGS_CHECK_MS`, so a change saved on another node takes effect here too.
     */
    async load() {
      apply(await overrides());
      if (checker) return;
      checker = setInterval(() => {
        overrides()
          .then((stored) => {
            if (JSON.stringify(stored) !== applied) apply(stored);
          })
          .catch((error) => strapi.log.warn(`[partners] settings not read: ${error}`));
      }, SETTINGS_CHECK_MS);
      checker.unref();
    },

    /** At shutdown: stops reading the stored overrides. */
    close() {
      if (checker) clearInterval(checker);
      checker = null;
    },

    view,

    /** Replaces the stored overrides (a PUT: what is absent falls back to config/plugins.ts). */
    async update(next: SettingsOverrides) {
      await store().set({ value: next });
      apply(next);
      return view();
    },
  };
};

export type SettingsService = ReturnType<typeof createSettingsService>;
export default createSettingsService;
