import type { Core } from '@strapi/strapi';
import { seedDemo } from './demo-seed';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // `npm run demo` sets this; the tests never do. Seeding is idempotent.
    if (process.env.PARTNERS_DEMO_SEED === 'true') {
      await seedDemo(strapi);
    }
  },
};
