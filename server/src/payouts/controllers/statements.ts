import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { statementQuerySchema } from '../../../../plugin/contracts/payouts';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';
import { sendCsv } from './payouts';

/** Admin routes for monthly partner statements (`/partners/statements*`). */
const createStatementsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const statements = () => getService('statements', { strapi });
  const fileName = (query: { month: string; currency: string }, extension: string) =>
    `statement-${query.month}-${query.currency}.${extension}`;

  return {
    /** `GET /statements?partner=&currency=&month=` */
    async find(ctx: Context) {
      ctx.body = {
        data: await statements().statement(parseInput(statementQuerySchema, ctx.query)),
      };
    },

    /** `GET /statements/csv?partner=&currency=&month=` */
    async csv(ctx: Context) {
      const query = parseInput(statementQuerySchema, ctx.query);
      sendCsv(ctx, fileName(query, 'csv'), await statements().csv(query));
    },

    /** `GET /statements/pdf?partner=&currency=&month=` */
    async pdf(ctx: Context) {
      const query = parseInput(statementQuerySchema, ctx.query);
      const pdf = await statements().pdf(query);
      ctx.type = 'application/pdf';
      ctx.attachment(fileName(query, 'pdf'));
      ctx.body = pdf;
    },
  };
};

export default createStatementsController;
