import path from 'path';
import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
  // The plugin from this repository, built to <repo>/dist by `npm run build`. Strapi loads this
  // file from playground/dist/config; the path is absolute because Strapi tries require.resolve()
  // on relative ones first, from its own folder.
  partners: {
    enabled: true,
    resolve: path.resolve(__dirname, '..', '..', '..'),
    config: {
      portal: { title: 'Acme partner portal' },
      tracking: { ipSalt: env('PARTNERS_IP_SALT') },
      jobs: { enabled: env.bool('PARTNERS_JOBS', true) },
    },
  },
});
