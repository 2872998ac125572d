const path = require('path');

module.exports = ({ env }) => ({
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
  // The plugin from this repository (built to ../dist by `npm run build`). An absolute path:
  // Strapi tries require.resolve() on relative ones first, from its own folder.
  partners: {
    enabled: true,
    resolve: path.resolve(__dirname, '..', '..'),
    config: {
      portal: { title: 'Acme partner portal' },
      tracking: { ipSalt: env('PARTNERS_IP_SALT') },
      jobs: { enabled: env.bool('PARTNERS_JOBS', true) },
    },
  },
});
