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
    config: {
      jwtSecret: env('JWT_SECRET'),
      // Strapi's default is legacy-support (30-day JWTs); create-strapi-app 5.54 writes
      // 'refresh'. Tests pick the mode and shorten the lifetimes (tests/helpers/strapi.ts).
      jwtManagement: env('UP_JWT_MANAGEMENT', 'legacy-support'),
      jwt: { expiresIn: env('UP_JWT_EXPIRES_IN', '30d') },
      sessions: {
        accessTokenLifespan: env.int('UP_ACCESS_TOKEN_LIFESPAN', 600),
        idleRefreshTokenLifespan: env.int('UP_IDLE_REFRESH_TOKEN_LIFESPAN', 14 * 24 * 3600),
        maxRefreshTokenLifespan: env.int('UP_MAX_REFRESH_TOKEN_LIFESPAN', 30 * 24 * 3600),
        httpOnly: env.bool('UP_REFRESH_COOKIE', false),
      },
      // Sign-ins per minute and IP (users-permissions' default: 10); a browser test signs in more.
      ratelimit: { interval: 60_000, max: env.int('UP_LOGINS_PER_MINUTE', 10) },
    },
  },
  // Real SMTP (the API tests start a server on SMTP_PORT). Without one, sending fails and the
  // plugin logs it: the demo keeps working.
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 2525),
        secure: false,
        ignoreTLS: true,
        connectionTimeout: 5000,
        greetingTimeout: 5000,
        socketTimeout: 10000,
      },
      settings: {
        defaultFrom: env('SMTP_FROM', 'partners@acme.example'),
        defaultReplyTo: env('SMTP_FROM', 'partners@acme.example'),
      },
    },
  },
  partners: {
    enabled: true,
    resolve: pluginDir(),
    config: {
      portal: { title: 'Acme partner portal' },
      tracking: {
        ipSalt: env('PARTNERS_IP_SALT'),
        fallbackUrl: env('PARTNERS_FALLBACK_URL', 'https://acme.example/'),
      },
      // Tests: budgets shared through Redis (tests/api/rate-limit-multinode.test.ts).
      rateLimit: { redis: env('PARTNERS_RATE_LIMIT_REDIS') },
      jobs: {
        enabled: env.bool('PARTNERS_JOBS', true),
        // Tests: a tick every few seconds (tests/api/jobs-multinode.test.ts).
        ...(env('PARTNERS_JOBS_TICK_SECONDS')
          ? { tickSeconds: env.int('PARTNERS_JOBS_TICK_SECONDS') }
          : {}),
      },
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
