import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { idParamSchema } from '../../../../plugin/contracts/admin';
import { setAgreementsRequestSchema } from '../../../../plugin/contracts/media';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';

/** `/partners/programs/:id/agreements` and `/partners/partners/:id/agreements` (admin). */
const createAgreementsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const files = (ctx: Context) =>
    parseInput(setAgreementsRequestSchema, ctx.request.body).data.files;
  const id = (ctx: Context) => parseInput(idParamSchema, ctx.params.id);
  return {
    async partner(ctx: Context) {
      ctx.body = { data: await getService('agreements', { strapi }).partnerAgreements(id(ctx)) };
    },
    async setPartner(ctx: Context) {
      const service = getService('agreements', { strapi });
      ctx.body = { data: await service.setPartnerAgreements(id(ctx), files(ctx)) };
    },
    async program(ctx: Context) {
      ctx.body = { data: await getService('program-agreements', { strapi }).list(id(ctx)) };
    },
    async setProgram(ctx: Context) {
      const service = getService('program-agreements', { strapi });
      ctx.body = { data: await service.set(id(ctx), files(ctx)) };
    },
  };
};

export default createAgreementsController;
