import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import {
  linkCodeParamSchema,
  trackClickRequestSchema,
  trackSignupRequestSchema,
  type LinkSettingsResponse,
  type TrackClickResponse,
  type TrackSignupResponse,
} from '../../../../plugin/contracts/tracking';
import { REFERRAL_COOKIE } from '../../../../plugin/tracking';
import { getService } from '../../platform/plugin-context';
import type { ClientInfo } from '../tracking';
import { trackerScript } from '../tracker-script';
import { parseInput } from '../../platform/validation';

const clientOf = (ctx: Context): ClientInfo => ({
  ip: ctx.request.ip,
  userAgent: ctx.get('User-Agent') || null,
  referrer: ctx.get('Referer') || null,
  isHead: ctx.method === 'HEAD',
});

const queryString = (value: unknown) => (typeof value === 'string' ? value : null);

const noLink = () => new errors.NotFoundError('No active referral link has this code');

const createTrackingController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /r/:code` and `GET <shortPath>/:code`: 302 to the landing page (SPEC §6). */
  async redirect(ctx: Context) {
    const target = await getService('tracking', { strapi }).redirect({
      code: String(ctx.params.code ?? ''),
      to: queryString(ctx.query.to),
      visitorId: queryString(ctx.query.pvid),
      referralCookie: ctx.cookies.get(REFERRAL_COOKIE, { signed: false }) ?? null,
      client: clientOf(ctx),
    });
    if (!target) throw new errors.NotFoundError('Unknown referral link');
    // Every visit must reach the server to be counted, and the target names the visitor.
    // The landing page may see the referring site's origin (Strapi's default is no referrer).
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    ctx.status = 302;
    ctx.redirect(target.location);
  },

  /** `GET /tracker.js` */
  async script(ctx: Context) {
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.set('ETag', trackerScript.etag);
    ctx.type = 'application/javascript; charset=utf-8';
    ctx.status = 200;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    ctx.body = trackerScript.source;
  },

  /** `GET /track/links/:code`: the cookie rules of a live link, for visits through a redirect. */
  async linkSettings(ctx: Context) {
    const code = parseInput(linkCodeParamSchema, ctx.params.code);
    const settings = await getService('tracking', { strapi }).linkSettings(code);
    if (!settings) throw noLink();
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = { data: settings } satisfies LinkSettingsResponse;
  },

  /** `POST /track/click` */
  async click(ctx: Context) {
    const { data } = parseInput(trackClickRequestSchema, ctx.request.body);
    const result = await getService('tracking', { strapi }).reportClick(data, clientOf(ctx));
    if (!result) throw noLink();
    ctx.body = { data: result } satisfies TrackClickResponse;
  },

  /** `POST /track/signup`: the same answer whatever it changed (see the contract). */
  async signup(ctx: Context) {
    const { data } = parseInput(trackSignupRequestSchema, ctx.request.body);
    await getService('tracking', { strapi }).signup(data);
    ctx.body = { data: { received: true } } satisfies TrackSignupResponse;
  },
});

export default createTrackingController;
