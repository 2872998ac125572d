import type { Core } from '@strapi/strapi';
import { orderInputSchema } from '../../../plugin/contracts/orders';
import { mapHostOrder } from '../../../plugin/orders';
import { getPluginConfig, getService } from '../platform/plugin-context';

/**
 * Mirrors the host app's own order collection (`orders.contentType` in the plugin config) into
 * the plugin's orders, through the same ingestion as `POST /orders`. A host entry the mapping
 * cannot read is logged and skipped: the host's own save never fails because of the plugin.
 */
const createOrderSyncService = ({ strapi }: { strapi: Core.Strapi }) => ({
  contentType: () => getPluginConfig({ strapi }).orders.contentType ?? null,

  async sync(entry: Record<string, unknown>) {
    const config = getPluginConfig({ strapi }).orders;
    const contentType = config.contentType;
    if (!contentType) return { synced: false as const, reason: 'no orders.contentType configured' };
    const mapping = mapHostOrder(entry, config, contentType);
    const parsed = mapping.valid ? orderInputSchema.safeParse(mapping.input) : null;
    if (!mapping.valid || !parsed?.success) {
      const reason = mapping.valid ? parsed?.error?.issues[0]?.message : mapping.reason;
      strapi.log.warn(
        `[partners] ${contentType} ${String(entry.documentId)} not mirrored: ${reason}`
      );
      return { synced: false as const, reason };
    }
    try {
      const { order } = await getService('orders', { strapi }).record(
        parsed.data,
        'content-type',
        mapping.events,
        {
          moneyIsAuthoritative: true,
        }
      );
      return { synced: true as const, order };
    } catch (error) {
      strapi.log.warn(
        `[partners] ${contentType} ${String(entry.documentId)} not mirrored: ${(error as Error).message}`
      );
      return { synced: false as const, reason: (error as Error).message };
    }
  },
});

export type OrderSyncService = ReturnType<typeof createOrderSyncService>;
export default createOrderSyncService;
