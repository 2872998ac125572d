import type { Core } from '@strapi/strapi';

/** Liveness for load balancers and the demo script: answers once the database answers. */
const createHealthService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async check() {
    await strapi.db.connection.raw('select 1');
    return { status: 'ok' as const };
  },
});

export type HealthService = ReturnType<typeof createHealthService>;
export default createHealthService;
