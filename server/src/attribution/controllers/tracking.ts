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
import { getService } from '../../platform/plugin-context';
import { answerRedirect, clientOf } from '../redirect';
import { trackerScript } from '../tracker-script';
import { parseInput } from '../../platform/validation';

const noLink = () => new errors.NotFoundError('No active referral link has this code');

const createTrackingController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /r/:code` and `GET <shortPath>/:code`, when the early redirect did not answer. */
  redirect: (ctx: Context) => answerRedirect(strapi, ctx, String(ctx.params.code ?? '')),

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
