import type { Route } from './route';

/** Link redirects, the tracker script and its public endpoints (SPEC §6), under /api/partners. */
export const trackingRoutes: Route[] = [];
