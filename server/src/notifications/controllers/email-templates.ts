import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import {
  previewProgramTemplateRequestSchema,
  updateEmailTemplateRequestSchema,
  type EmailPreviewResponse,
  type EmailTemplateResponse,
  type EmailTemplatesResponse,
} from '../../../../plugin/contracts/notifications';
import { isEmailTemplateName, isProgramTemplateName } from '../../../../plugin/notifications';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';

/** Admin routes for the editable e-mail templates (`/partners/notifications/templates*`). */
const createEmailTemplatesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const templates = () => getService('email-templates', { strapi });

  return {
    /** `GET /notifications/templates` */
    async list(ctx: Context) {
      ctx.body = { data: await templates().list() } satisfies EmailTemplatesResponse;
    },

    /** `PUT /notifications/templates/:name` `{ data: { subject?, body? } }` */
    async update(ctx: Context) {
      const { name } = ctx.params as { name: string };
      if (!isEmailTemplateName(name))
        throw new errors.NotFoundError(`No e-mail template "${name}"`);
      const { data } = parseInput(updateEmailTemplateRequestSchema(name), ctx.request.body);
      ctx.body = { data: await templates().update(name, data) } satisfies EmailTemplateResponse;
    },

    /** `POST /notifications/templates/:name/preview` `{ data: { programName?, subject?, body? } }` */
    async preview(ctx: Context) {
      const { name } = ctx.params as { name: string };
      if (!isProgramTemplateName(name))
        throw new errors.NotFoundError(`No program e-mail template "${name}"`);
      const { data } = parseInput(previewProgramTemplateRequestSchema(name), ctx.request.body);
      const { programName, ...override } = data;
      ctx.body = {
        data: await templates().preview(name, programName, override),
      } satisfies EmailPreviewResponse;
    },
  };
};

export default createEmailTemplatesController;
