import { sightingMatch, type PortalSighting } from './portal-sightings';

/** The customer of an order and the partner it is attributed to, as self-referral compares them. */
export interface SelfReferralParties {
  customerEmail: string | null;
  customerName: string | null;
  partner: {
    email: string;
    name: string | null;
    userEmails?: readonly string[];
    /** Where the partner used the portal (see portal-sightings). */
    portalSightings?: readonly PortalSighting[];
  };
  /** The click that attributed the order, when it came through one. */
  click?: { ipHash: string | null; visitorId: string | null } | null;
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Why the customer looks like the partner itself (its e-mail, a team member's e-mail, the
 * partner's name, or an attributing click from the partner's own portal browser or address),
 * or null when nothing matches.
 */
export function selfReferralMatch({
  customerEmail,
  customerName,
  partner,
  click = null,
}: SelfReferralParties): string | null {
  if (customerEmail) {
    const customer = normalise(customerEmail);
    if ([partner.email, ...(partner.userEmails ?? [])].some((e) => normalise(e) === customer))
      return `the customer's e-mail ${customerEmail} is the partner's own`;
  }
  if (customerName && partner.name && normalise(customerName) === normalise(partner.name))
    return `the customer's name "${customerName}" is the partner's name`;
  return sightingMatch(partner.portalSightings ?? [], click);
}
