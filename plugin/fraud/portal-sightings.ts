import { z } from 'zod';

/**
 * Where a partner was seen using the portal: the salted hash of the address (the same hash as
 * clicks, never the address) and the tracker's visitor id of that browser when it had one.
 */
export interface PortalSighting {
  ipHash: string;
  visitorId: string | null;
  /** ISO time of the latest portal request seen from there. */
  seenAt: string;
}

/** Sightings kept per partner, newest first. */
export const MAX_PORTAL_SIGHTINGS = 20;
/** A sighting already stored is dated again at most this often (one write per hour, not per request). */
export const SIGHTING_REFRESH_MS = 3_600_000;

const sightingSchema = z.object({
  ipHash: z.string().min(1),
  visitorId: z.string().min(1).nullable(),
  seenAt: z.string(),
});

/** The stored sightings (a JSON column): anything unreadable counts as none. */
export function parsePortalSightings(stored: unknown): PortalSighting[] {
  const parsed = z.array(z.unknown()).safeParse(stored);
  if (!parsed.success) return [];
  return parsed.data.flatMap((item) => {
    const sighting = sightingSchema.safeParse(item);
    return sighting.success ? [sighting.data] : [];
  });
}

/**
 * The sightings after a portal request from `seen`: that one first (dated `now`), the others
 * after it, at most MAX_PORTAL_SIGHTINGS. Null when nothing needs writing (the same place was
 * recorded within SIGHTING_REFRESH_MS).
 */
export function notePortalSighting(
  stored: unknown,
  seen: { ipHash: string; visitorId: string | null },
  now: Date
): PortalSighting[] | null {
  const sightings = parsePortalSightings(stored);
  const same = (sighting: PortalSighting) =>
    sighting.ipHash === seen.ipHash && sighting.visitorId === seen.visitorId;
  const known = sightings.find(same);
  if (known && now.getTime() - Date.parse(known.seenAt) < SIGHTING_REFRESH_MS) return null;
  return [
    { ipHash: seen.ipHash, visitorId: seen.visitorId, seenAt: now.toISOString() },
    ...sightings.filter((sighting) => !same(sighting)),
  ].slice(0, MAX_PORTAL_SIGHTINGS);
}

/**
 * Why a click looks like the partner's own (its visitor is a browser the partner used for the
 * portal, or its IP hash an address the partner used), or null.
 */
export function sightingMatch(
  sightings: readonly PortalSighting[],
  click: { ipHash: string | null; visitorId: string | null } | null
): string | null {
  if (!click) return null;
  const byVisitor = sightings.find(
    (sighting) => click.visitorId && sighting.visitorId === click.visitorId
  );
  if (byVisitor)
    return `the click came from the browser the partner used for the portal (${day(byVisitor)})`;
  const byIp = sightings.find((sighting) => click.ipHash && sighting.ipHash === click.ipHash);
  if (byIp)
    return `the click came from an IP address the partner used for the portal (${day(byIp)})`;
  return null;
}

const day = (sighting: PortalSighting) => sighting.seenAt.slice(0, 10);
