import type { Core } from '@strapi/strapi';

/** Clicks, the tracker script and signups (SPEC §6). */
const createTrackingService = ({ strapi }: { strapi: Core.Strapi }) => ({
  strapi,
});

export type TrackingService = ReturnType<typeof createTrackingService>;
export default createTrackingService;
