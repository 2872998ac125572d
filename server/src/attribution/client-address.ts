import { createHash, createHmac, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { KeySource } from '../../../plugin/contracts/admin-settings';

/** "::ffff:203.0.113.7" is 203.0.113.7: one client, one hash, one rate-limit bucket. */
export const normaliseIp = (ip: string | null | undefined): string => {
  const value = (ip ?? '').trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  return (mapped ? mapped[1] : value).toLowerCase();
};

/**
 * The rate-limit key of a client: the address itself for IPv4, its /64 network for IPv6 (one
 * subscriber gets a whole /64, so per-address limits would be limits in name only).
 */
export const clientKey = (ip: string | null | undefined): string => {
  const address = normaliseIp(ip);
  if (isIP(address) !== 6) return address;
  const [head, tail = ''] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array(Math.max(missing, 0)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
};

/**
 * Where the IP salt comes from, for the Settings page: `tracking.ipSalt`, else derived from the
 * app keys, else a random salt per start (hashes then change at every restart and per node).
 */
export const ipSaltSource = (ipSalt: string | undefined, appKeys: readonly string[]): KeySource =>
  ipSalt
    ? { state: 'set', source: 'tracking.ipSalt' }
    : appKeys.length > 0
      ? { state: 'fallback', source: 'APP_KEYS' }
      : { state: 'not set', source: null };

/**
 * `ipHash` (SPEC §4, §11): HMAC-SHA-256 of the client address under a secret salt, so the raw
 * address is never stored and the hash cannot be reversed by hashing every IPv4 address. The
 * salt is `tracking.ipSalt`, else derived from the app keys (stable across nodes and restarts).
 */
export const createIpHasher = (ipSalt: string | undefined, appKeys: readonly string[]) => {
  const { state } = ipSaltSource(ipSalt, appKeys);
  const salt =
    state === 'set'
      ? (ipSalt as string)
      : state === 'fallback'
        ? createHash('sha256')
            .update(`strapi-plugin-partners:ip:${appKeys.join(',')}`)
            .digest()
        : randomBytes(32);
  return (ip: string | null | undefined) =>
    createHmac('sha256', salt).update(normaliseIp(ip)).digest('hex');
};
