import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
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

const keySource = (strapi: Core.Strapi): string => {
  const configured =
    getPluginConfig({ strapi }).partners.encryptionKey ?? process.env.PARTNERS_ENCRYPTION_KEY;
  if (configured) return configured;
  const adminKey = strapi.config.get('admin.secrets.encryptionKey') as string | undefined;
  if (adminKey) return adminKey;
  const appKeys = strapi.config.get('server.app.keys') as string[] | undefined;
  if (appKeys?.[0]) return appKeys[0];
  throw new Error(
    '[partners] no encryption key: set partners.encryptionKey or PARTNERS_ENCRYPTION_KEY'
  );
};

const deriveKey = (strapi: Core.Strapi) =>
  Buffer.from(hkdfSync('sha256', keySource(strapi), 'partners', INFO, 32));

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
