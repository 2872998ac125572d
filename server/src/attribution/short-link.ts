import type { Core } from '@strapi/strapi';
import type { HandlerName } from '..';
import { PLUGIN_ID } from '../../../plugin/model';
import { getPluginConfig } from '../platform/plugin-context';

const handler: `plugin::${typeof PLUGIN_ID}.${HandlerName}` = 'plugin::partners.tracking.redirect';

/**
 * The short redirect at the site root, `GET <tracking.shortPath>/:code` (default `/go/:code`),
 * outside `/api`, which content-API routes cannot leave. Called once from bootstrap.
 */
export const registerShortLinkRoute = ({ strapi }: { strapi: Core.Strapi }) => {
  const { shortPath } = getPluginConfig({ strapi }).tracking;
  if (!shortPath) return;
  strapi.server.routes([
    { method: 'GET', path: `${shortPath}/:code`, handler, config: { auth: false } },
  ]);
};
