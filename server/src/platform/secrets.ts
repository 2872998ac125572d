import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { KeySource } from '../../../plugin/contracts/admin-settings';
import { getPluginConfig } from './plugin-context';

/**
 * Secrets at rest (SPEC §11: no full bank numbers in clear): AES-256-GCM with a key derived by
 * HKDF-SHA256 from, in order, the plugin config `partners.encryptionKey`, the env
 * `PARTNERS_ENCRYPTION_KEY`, Strapi's admin `ENCRYPTION_KEY` (`admin.secrets.encryptionKey`) and
 * the first of the app's `APP_KEYS`. Changing the source makes stored secrets unreadable, so the
 * explicit key is the one to set in production.
 */

const VERSION = 'v1';
const INFO = 'strapi-plugin-partners/payout-method';

/** The key material in force and where it comes from, in the order above. */
const keyMaterial = (strapi: Core.Strapi): { value: string | undefined; source: KeySource } => {
  const plugin = getPluginConfig({ strapi }).partners.encryptionKey;
  if (plugin) return { value: plugin, source: { state: 'set', source: 'partners.encryptionKey' } };
  const env = process.env.PARTNERS_ENCRYPTION_KEY;
  if (env) return { value: env, source: { state: 'set', source: 'PARTNERS_ENCRYPTION_KEY' } };
  const adminKey = strapi.config.get('admin.secrets.encryptionKey') as string | undefined;
  if (adminKey) {
    return { value: adminKey, source: { state: 'fallback', source: 'admin ENCRYPTION_KEY' } };
  }
  const appKeys = strapi.config.get('server.app.keys') as string[] | undefined;
  if (appKeys?.[0]) return { value: appKeys[0], source: { state: 'fallback', source: 'APP_KEYS' } };
  return { value: undefined, source: { state: 'not set', source: null } };
};

/** Where the encryption key comes from, for the Settings page (never the key). */
export const encryptionKeySource = (strapi: Core.Strapi): KeySource => keyMaterial(strapi).source;

const deriveKey = (strapi: Core.Strapi) => {
  const { value } = keyMaterial(strapi);
  if (!value) {
    throw new Error(
      '[partners] no encryption key: set partners.encryptionKey or PARTNERS_ENCRYPTION_KEY'
    );
  }
  return Buffer.from(hkdfSync('sha256', value, 'partners', INFO, 32));
};

/** `v1.<iv>.<tag>.<ciphertext>` (base64url): the text, sealed with the plugin's key. */
export const seal = (strapi: Core.Strapi, plaintext: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(strapi), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
};

/** The text of a `seal`ed value; throws when it was sealed with another key or altered. */
export const unseal = (strapi: Core.Strapi, sealed: string): string => {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
    throw new Error('[partners] not a sealed value');
  }
  const decipher = createDecipheriv('aes-256-gcm', deriveKey(strapi), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
};
