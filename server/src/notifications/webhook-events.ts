import type { Core, Modules } from '@strapi/strapi';
import { PARTNER_EVENTS } from '../../../plugin/contracts/webhooks';

/**
 * Lets Settings → Webhooks (and its admin API) subscribe to the plugin's events. Strapi's webhook
 * runner listens on `strapi.eventHub` for the events a stored webhook names, so each event the
 * plugin emits after a commit is also posted to the webhooks subscribed to it.
 */
export const registerWebhookEvents = (strapi: Core.Strapi) => {
  const store = strapi.get('webhookStore') as Modules.WebhookStore.WebhookStore;
  for (const [key, name] of Object.entries(PARTNER_EVENTS)) store.addAllowedEvent(key, name);
};
