import type { Core } from '@strapi/strapi';
import { notePortalSighting } from '../../../plugin/fraud';
import { parseReferralCookie, REFERRAL_COOKIE } from '../../../plugin/tracking';
import { getService } from '../platform/plugin-context';
import { createPartnerRepository } from './partner-repository';

/** The request facts a portal sighting keeps: the address (hashed here) and the Cookie header. */
export interface PortalRequest {
  ip: string;
  cookieHeader: string | null;
}

const COOKIE = new RegExp(`(?:^|;\\s*)${REFERRAL_COOKIE}=([^;]*)`);

/**
 * Remembers where a partner uses the portal, for the self-referral signal (docs/fraud.md): the
 * address's salted hash (the clicks' hash, so the two compare) and the tracker's visitor id
 * when the portal's browser carries the `partners_ref` cookie (Strapi on the site's domain).
 * At most one write per place and hour; a failure is logged and never fails the request.
 */
export const notePortalVisit = async (
  strapi: Core.Strapi,
  partner: { id: number; portalSightings: unknown },
  request: PortalRequest
) => {
  try {
    const cookie = request.cookieHeader ? COOKIE.exec(request.cookieHeader)?.[1] : null;
    const sightings = notePortalSighting(
      partner.portalSightings,
      {
        ipHash: getService('tracking', { strapi }).hashIp(request.ip),
        visitorId: parseReferralCookie(cookie)?.visitorId ?? null,
      },
      new Date()
    );
    if (sightings) await createPartnerRepository(strapi).setPortalSightings(partner.id, sightings);
  } catch (error) {
    strapi.log.warn(`[partners] portal sighting not recorded: ${error}`);
  }
};
