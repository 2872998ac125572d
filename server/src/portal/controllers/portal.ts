import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import {
  buildLinkRequestSchema,
  createLinkRequestSchema,
  createDealRequestSchema,
  createLeadRequestSchema,
  emptyQuerySchema,
  exportCommissionsQuerySchema,
  exportReferralsQuerySchema,
  listCommissionsQuerySchema,
  listDealsQuerySchema,
  listLeadsQuerySchema,
  listPortalPayoutsQuerySchema,
  listReferralsQuerySchema,
  putPayoutMethodRequestSchema,
  addPayoutMethodRequestSchema,
  activatePayoutMethodRequestSchema,
  payoutMethodIdSchema,
  removePayoutMethodRequestSchema,
  statementMonthParamSchema,
  statementQuerySchema,
  statsQuerySchema,
  updateLinkRequestSchema,
  updateProfileRequestSchema,
} from '../../../../plugin/contracts/portal';
import { mediaFileIdSchema } from '../../../../plugin/contracts/media';
import { applyListingRequestSchema } from '../../../../plugin/contracts/directory';
import { documentIdSchema } from '../../../../plugin/contracts/payouts';
import type { IncomingFile } from '../../platform/media-files';
import { getService } from '../../platform/plugin-context';
import type { PortalPartner } from '../is-partner';
import { parseInput } from '../../platform/validation';
import { sendCsv } from '../../payouts/controllers/payouts';

/** The signed-in partner, set by the is-partner policy: the only scope portal services take. */
const partnerOf = (ctx: Context) => ctx.state.partner as PortalPartner;
/** The signed-in login (users-permissions), whose password a payout change asks for again. */
const userOf = (ctx: Context) => Number((ctx.state.user as { id: number }).id);
const noQuery = (ctx: Context) => parseInput(emptyQuerySchema, ctx.query);

/** The partner portal's API (`/api/partners/portal/*`, SPEC §8), behind `is-partner`. */
const createPortalController = ({ strapi }: { strapi: Core.Strapi }) => {
  const profile = () => getService('partner-profile', { strapi });
  const partnerLinks = () => getService('partner-links', { strapi });
  const partnerAssets = () => getService('partner-assets', { strapi });
  const stats = () => getService('partner-stats', { strapi });
  const referrals = () => getService('partner-referrals', { strapi });
  const ledger = () => getService('partner-entries', { strapi });
  const statements = () => getService('partner-statements', { strapi });
  const account = () => getService('partner-account', { strapi });
  const payoutMethods = () => getService('payout-methods', { strapi });
  const listings = () => getService('listings', { strapi });
  const listingViews = () => getService('listing-views', { strapi });
  const month = (ctx: Context) => parseInput(statementMonthParamSchema, ctx.params.month);
  /** The partner, month and currency of one statement: the query is validated first. */
  const statementOf = (ctx: Context) => {
    const { currency } = parseInput(statementQuerySchema, ctx.query);
    return [partnerOf(ctx), month(ctx), currency] as const;
  };

  return {
    async me(ctx: Context) {
      noQuery(ctx);
      ctx.body = { data: await profile().me(partnerOf(ctx), ctx.state.user ?? {}, ctx.origin) };
    },

    async updateProfile(ctx: Context) {
      noQuery(ctx);
      const { data } = parseInput(updateProfileRequestSchema, ctx.request.body);
      ctx.body = { data: await profile().updateProfile(partnerOf(ctx), data) };
    },

    async links(ctx: Context) {
      noQuery(ctx);
      ctx.body = await partnerLinks().links(partnerOf(ctx), ctx.origin);
    },

    async createLink(ctx: Context) {
      noQuery(ctx);
      const { data } = parseInput(createLinkRequestSchema, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await partnerLinks().addLink(partnerOf(ctx), data, ctx.origin) };
    },

    async updateLink(ctx: Context) {
      noQuery(ctx);
      const id = parseInput(documentIdSchema, ctx.params.id);
      const { data } = parseInput(updateLinkRequestSchema, ctx.request.body);
      ctx.body = { data: await partnerLinks().editLink(partnerOf(ctx), id, data, ctx.origin) };
    },

    async buildLink(ctx: Context) {
      noQuery(ctx);
      const { data } = parseInput(buildLinkRequestSchema, ctx.request.body);
      ctx.body = { data: await partnerLinks().buildLink(partnerOf(ctx), data) };
    },

    async stats(ctx: Context) {
      ctx.body = {
        data: await stats().stats(partnerOf(ctx), parseInput(statsQuerySchema, ctx.query)),
      };
    },

    async referrals(ctx: Context) {
      ctx.body = await referrals().list(
        partnerOf(ctx),
        parseInput(listReferralsQuerySchema, ctx.query)
      );
    },

    async exportReferrals(ctx: Context) {
      const query = parseInput(exportReferralsQuerySchema, ctx.query);
      sendCsv(ctx, 'referrals.csv', await referrals().exportCsv(partnerOf(ctx), query));
    },

    async commissions(ctx: Context) {
      ctx.body = await ledger().commissions(
        partnerOf(ctx),
        parseInput(listCommissionsQuerySchema, ctx.query)
      );
    },

    async exportCommissions(ctx: Context) {
      const query = parseInput(exportCommissionsQuerySchema, ctx.query);
      sendCsv(ctx, 'commissions.csv', await ledger().exportCommissions(partnerOf(ctx), query));
    },

    async statements(ctx: Context) {
      noQuery(ctx);
      ctx.body = { data: await statements().list(partnerOf(ctx)) };
    },

    async statement(ctx: Context) {
      ctx.body = { data: await statements().statement(...statementOf(ctx)) };
    },

    async statementCsv(ctx: Context) {
      const csv = await statements().csv(...statementOf(ctx));
      sendCsv(ctx, `statement-${month(ctx)}-${csv.currency}.csv`, csv.stream);
    },

    async statementPdf(ctx: Context) {
      const pdf = await statements().pdf(...statementOf(ctx));
      ctx.type = 'application/pdf';
      ctx.attachment(`statement-${month(ctx)}-${pdf.currency}.pdf`);
      ctx.body = pdf.document;
    },

    async payouts(ctx: Context) {
      ctx.body = await ledger().payouts(
        partnerOf(ctx),
        parseInput(listPortalPayoutsQuerySchema, ctx.query)
      );
    },

    async payoutMethod(ctx: Context) {
      noQuery(ctx);
      ctx.body = { data: await account().payoutMethod(partnerOf(ctx)) };
    },

    async setPayoutMethod(ctx: Context) {
      noQuery(ctx);
      const { data } = parseInput(putPayoutMethodRequestSchema, ctx.request.body);
      const { password, ...method } = data;
      const saved = await payoutMethods().add(partnerOf(ctx), userOf(ctx), method, password, true);
      const active = saved.data.find((entry) => entry.active);
      ctx.body = { data: active?.method ?? null, meta: saved.meta };
    },

    async payoutMethods(ctx: Context) {
      noQuery(ctx);
      ctx.body = await payoutMethods().list(partnerOf(ctx));
    },

    async addPayoutMethod(ctx: Context) {
      noQuery(ctx);
      const { data } = parseInput(addPayoutMethodRequestSchema, ctx.request.body);
      ctx.body = await payoutMethods().add(partnerOf(ctx), userOf(ctx), data.method, data.password);
      ctx.status = 201;
    },

    async activatePayoutMethod(ctx: Context) {
      noQuery(ctx);
      const id = parseInput(payoutMethodIdSchema, ctx.params.id);
      const { data } = parseInput(activatePayoutMethodRequestSchema, ctx.request.body);
      ctx.body = await payoutMethods().activate(partnerOf(ctx), userOf(ctx), id, data.password);
    },

    async removePayoutMethod(ctx: Context) {
      noQuery(ctx);
      const id = parseInput(payoutMethodIdSchema, ctx.params.id);
      const { data } = parseInput(removePayoutMethodRequestSchema, ctx.request.body);
      ctx.body = await payoutMethods().remove(partnerOf(ctx), userOf(ctx), id, data.password);
    },

    async assets(ctx: Context) {
      noQuery(ctx);
      ctx.body = { data: await partnerAssets().assets(partnerOf(ctx)) };
    },

    async leads(ctx: Context) {
      ctx.body = await referrals().listLeads(
        partnerOf(ctx),
        parseInput(listLeadsQuerySchema, ctx.query)
      );
    },

    async createLead(ctx: Context) {
      noQuery(ctx);
      const { data } = parseInput(createLeadRequestSchema, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await referrals().createLead(partnerOf(ctx), data) };
    },

    async deals(ctx: Context) {
      ctx.body = await account().deals(partnerOf(ctx), parseInput(listDealsQuerySchema, ctx.query));
    },

    async createDeal(ctx: Context) {
      noQuery(ctx);
      const { data } = parseInput(createDealRequestSchema, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await account().createDeal(partnerOf(ctx), data) };
    },

    async attachToDeal(ctx: Context) {
      noQuery(ctx);
      const id = parseInput(documentIdSchema, ctx.params.id);
      const files = getService('media-files', { strapi }).incoming(ctx);
      ctx.status = 201;
      ctx.body = { data: await account().attachToDeal(partnerOf(ctx), id, files) };
    },

    async agreements(ctx: Context) {
      noQuery(ctx);
      ctx.body = { data: await getService('agreements', { strapi }).forPartner(partnerOf(ctx)) };
    },

    /** A file of the partner's own (agreements, deal attachments), streamed after the check. */
    async downloadFile(ctx: Context) {
      noQuery(ctx);
      const fileId = parseInput(mediaFileIdSchema, ctx.params.id);
      await getService('agreements', { strapi }).assertDownloadable(partnerOf(ctx), fileId);
      await getService('media-files', { strapi }).send(ctx, fileId);
    },

    async listing(ctx: Context) {
      noQuery(ctx);
      ctx.body = { data: await listingViews().ofPartner(partnerOf(ctx).id) };
    },

    async applyListing(ctx: Context) {
      noQuery(ctx);
      const { data } = parseInput(applyListingRequestSchema, ctx.request.body);
      ctx.body = { data: await listings().apply(partnerOf(ctx).id, data) };
    },

    async uploadListingLogo(ctx: Context) {
      noQuery(ctx);
      const files = (ctx.request as { files?: Record<string, unknown> }).files ?? {};
      const logo = files.logo;
      if (Array.isArray(logo) || Object.keys(files).some((name) => name !== 'logo')) {
        throw new errors.ValidationError('logo: send one file, in the field "logo"');
      }
      ctx.body = {
        data: await listings().uploadLogo(partnerOf(ctx).id, logo as IncomingFile | undefined),
      };
    },

    async approveListing(ctx: Context) {
      noQuery(ctx);
      ctx.body = { data: await listings().approve(partnerOf(ctx).id) };
    },

    async subPartners(ctx: Context) {
      noQuery(ctx);
      ctx.body = await ledger().subPartners(partnerOf(ctx), ctx.origin);
    },
  };
};

export default createPortalController;
