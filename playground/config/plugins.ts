import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * The plugin from this repository (built to <repo>/dist by `npm run build`): the nearest folder
 * above this file whose package.json is the plugin's. This file runs from config/ (admin build)
 * and from dist/config/ (server), so no fixed depth fits both. The path is absolute because
 * Strapi tries require.resolve() on relative ones first, from its own folder.
 */
const pluginDir = () => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (
      fs.existsSync(pkg) &&
      JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'strapi-plugin-partners'
    ) {
      return dir;
    }
  }
  throw new Error('strapi-plugin-partners was not found above the playground');
};

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
  partners: {
    enabled: true,
    resolve: pluginDir(),
    config: {
      portal: { title: 'Acme partner portal' },
      tracking: { ipSalt: env('PARTNERS_IP_SALT') },
      jobs: { enabled: env.bool('PARTNERS_JOBS', true) },
      // The shop's own orders (api::shop-order) are mirrored as partner orders.
      orders: {
        contentType: 'api::shop-order.shop-order',
        fields: {
          externalId: 'number',
          amount: 'total',
          status: 'state',
          customerEmail: 'email',
          customerExternalId: 'customerId',
          couponCode: 'coupon',
        },
        amountUnit: 'major',
        defaultCurrency: 'USD',
      },
    },
  },
});
