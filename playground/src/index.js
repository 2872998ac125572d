const { seedDemo } = require('./demo-seed');

module.exports = {
  register() {},

  async bootstrap({ strapi }) {
    // `npm run demo` sets this; the tests never do. Seeding is idempotent.
    if (process.env.PARTNERS_DEMO_SEED === 'true') {
      await seedDemo(strapi);
    }
  },
};
