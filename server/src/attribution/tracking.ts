import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type {
  LinkSettings,
  TrackClickInput,
  TrackSignupInput,
} from '../../../plugin/contracts/tracking';
import {
  buildRedirectUrl,
  isBotUserAgent,
  isVisitorId,
  parseReferralCookie,
  REFERRAL_CODE_PATTERN,
} from '../../../plugin/tracking';
import { getPluginConfig, getService } from '../platform/plugin-context';
import { createClickQueue, type PendingClick } from './click-queue';
import { closeClickVelocity } from './click-velocity';
import { createIpHasher } from './client-address';
import { createLinkResolver, inactiveReason, type ResolvedLink } from './link-resolver';

/** The request facts a click records (the IP only ever as its hash). */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  referrer: string | null;
  /** HEAD requests are link checkers and prefetchers, never a person. */
  isHead?: boolean;
}

export interface RedirectRequest {
  code: string;
  /** `?to=`: a page on the landing host the visitor asked for. */
  to: string | null;
  /** `?pvid=` on the link itself. */
  visitorId: string | null;
  /** The tracker's `partners_ref` cookie, when the site and Strapi share a domain. */
  referralCookie: string | null;
  client: ClientInfo;
}

const clip = (value: string | null | undefined, max: number) =>
  value ? value.slice(0, max) : null;

/** A new visitor id: 128 random bits, 22 URL-safe characters (see plugin/tracking). */
const newVisitorId = () => randomBytes(16).toString('base64url');

/** Clicks, the tracker script's endpoints and signups (SPEC §6). */
const createTrackingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = getPluginConfig({ strapi }).tracking;
  const hashIp = createIpHasher(config.ipSalt, strapi.config.get('server.app.keys', []));
  const links = createLinkResolver(strapi);
  const clicks = createClickQueue(strapi);

  /** The link when a click on it counts now (active program, approved partner and enrollment). */
  const liveLink = async (code: string) => {
    const link = REFERRAL_CODE_PATTERN.test(code) ? await links.resolve(code) : null;
    return link && inactiveReason(link, new Date().toISOString()) === null ? link : null;
  };

  /** Resolves once the click is in the database (see createClickQueue). */
  const record = (
    link: ResolvedLink,
    visitorId: string,
    client: ClientInfo,
    landingUrl: string | null
  ) => {
    const click: PendingClick = {
      code: link.code,
      linkId: link.linkId,
      partnerId: link.partnerId as number,
      programId: link.programId as number,
      visitorId,
      ipHash: hashIp(client.ip),
      userAgent: clip(client.userAgent, 512),
      referrer: clip(client.referrer, 2048),
      landingUrl: clip(landingUrl, 2048),
      isBot: Boolean(client.isHead) || isBotUserAgent(client.userAgent),
      createdAt: new Date(),
    };
    return clicks.push(click);
  };

  return {
    /**
     * `GET /r/:code` and `/go/:code`: where to send the visitor. A live link records the click
     * (written with the other clicks of its moment before the answer) and carries `ref` and `pvid`; an inactive link
     * still leads to its program's landing page, an unknown code to `tracking.fallbackUrl`.
     * Null when there is nowhere to go.
     */
    async redirect(request: RedirectRequest): Promise<{ location: string } | null> {
      const link = REFERRAL_CODE_PATTERN.test(request.code)
        ? await links.resolve(request.code)
        : null;
      const fallback = config.fallbackUrl ? { location: config.fallbackUrl } : null;
      if (!link) return fallback;
      const base = { landingUrl: link.landingUrl, linkPath: link.path, to: request.to };
      if (inactiveReason(link, new Date().toISOString()) !== null) {
        const target = buildRedirectUrl({ ...base, referral: null });
        return target ? { location: target.url } : fallback;
      }
      const visitorId =
        (isVisitorId(request.visitorId) && request.visitorId) ||
        parseReferralCookie(request.referralCookie)?.visitorId ||
        newVisitorId();
      const target = buildRedirectUrl({ ...base, referral: { code: link.code, visitorId } });
      if (!target) return fallback;
      await record(link, visitorId, request.client, target.url);
      return { location: target.url };
    },

    /** `GET /track/links/:code`: how the tracker keeps its cookie for a live link; else null. */
    async linkSettings(code: string): Promise<LinkSettings | null> {
      return (await liveLink(code))?.settings ?? null;
    },

    /** `POST /track/click`: a visit with `?ref=` that did not come through a redirect. */
    async reportClick(input: TrackClickInput, client: ClientInfo) {
      const link = await liveLink(input.code);
      if (!link) return null;
      const visitorId = input.visitorId ?? newVisitorId();
      await record(
        link,
        visitorId,
        { ...client, referrer: input.referrer ?? null },
        input.landingUrl ?? null
      );
      return { ...link.settings, visitorId };
    },

    /**
     * `POST /track/signup`: the contact signs up with its partner (SPEC §6), and in `signup`
     * programs earns that partner its bounty, once.
     */
    async signup(input: TrackSignupInput) {
      // The visitor's click may still be queued on this node: attribution reads the table.
      if (input.visitorId) await clicks.flush();
      const signedUp = await getService('attribution', { strapi }).recordSignup(input);
      const commissions = getService('commissions', { strapi });
      for (const { referralId, attributedAt } of signedUp) {
        await commissions.grantSignupBounty(referralId, attributedAt);
      }
    },

    /** The salted hash clicks store of an address (portal sightings compare with it). */
    hashIp: (ip: string | null | undefined) => hashIp(ip),

    /** The link of a code from this node's cache (see createLinkResolver), or null. */
    cachedLink: (code: string) => links.resolve(code),

    /** Writes the queued clicks now (tests, shutdown). */
    flush: () => clicks.flush(),

    /** Plugin destroy: the queued clicks are written before the database closes. */
    close: async () => {
      links.close();
      await clicks.close();
      closeClickVelocity(strapi);
    },
  };
};

export type TrackingService = ReturnType<typeof createTrackingService>;
export default createTrackingService;
