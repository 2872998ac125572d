import type { Core } from '@strapi/strapi';
import { uid } from '../../../plugin/model';
import { tableOf, withKnex } from '../platform/database';

const COMMISSION = uid('commission');
const PAYOUT_LINE = uid('payout-line');

/**
 * Which payout owns each entry of an order or a partner, by entry id: the payout lines
 * (`partners_payout_lines`, written by `payout-ledger.ts`) joined to the entries they name. An
 * entry without a line is in no payout.
 */
export const payoutsOfEntries = (
  strapi: Core.Strapi,
  owner: { orderId: number } | { partnerId: number }
): Promise<Map<number, number>> =>
  withKnex(strapi, async (knex) => {
    const rows: Array<{ entry: number | string; payout: number | string }> = await knex(
      `${tableOf(strapi, PAYOUT_LINE)} as l`
    )
      .join(`${tableOf(strapi, COMMISSION)} as c`, 'c.id', 'l.commission_id')
      .where(
        'orderId' in owner ? 'c.order_id' : 'c.partner_id',
        'orderId' in owner ? owner.orderId : owner.partnerId
      )
      .select({ entry: 'l.commission_id', payout: 'l.payout_id' });
    return new Map(rows.map(({ entry, payout }) => [Number(entry), Number(payout)]));
  });
