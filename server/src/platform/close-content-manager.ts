import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { PLUGIN_ID } from '../../../plugin/model';

const OWN_PREFIX = `plugin::${PLUGIN_ID}.`;

type Named = Record<string, unknown> | undefined;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The content types a Content Manager request names: its model (a path parameter, or the query
 * or body on the history, preview and uid routes) and, on the relation routes, the type the
 * relation field points to, so a site's own type cannot list the plugin's rows as relation options.
 */
export const contentTypesOf = (strapi: Core.Strapi, ctx: Context): string[] => {
  const params = ctx.params as Named;
  const query = ctx.query as Named;
  const body = ctx.request.body as Named;
  const named = [
    params?.model,
    params?.uid,
    params?.contentType,
    query?.contentType,
    body?.contentType,
    body?.contentTypeUID,
  ].map(text);
  const model = text(params?.model);
  const field = text(params?.targetField);
  if (model && field) {
    const attribute = strapi.getModel(model as UID.Schema)?.attributes?.[field];
    named.push(text((attribute as Named)?.target));
  }
  return named.filter((uid): uid is string => uid !== undefined);
};

/** Answers 404, as for a type that does not exist, when the request names one of ours. */
export const refuseOwnTypes = (strapi: Core.Strapi) => async (ctx: Context, next: Next) => {
  if (contentTypesOf(strapi, ctx).some((uid) => uid.startsWith(OWN_PREFIX))) {
    throw new errors.NotFoundError('Not Found');
  }
  return next();
};

const guardRoutes = (router: Core.RouterInput, guard: Core.MiddlewareHandler) => {
  for (const route of router.routes ?? []) {
    route.config = { ...route.config, middlewares: [guard, ...(route.config?.middlewares ?? [])] };
  }
  return router;
};

/**
 * The plugin's rows move money, hold payout destinations and tracking, and are written only
 * through its own routes under its own permissions (docs/admin.md, "The Content Manager").
 * Hidden types still accept `explorer.read` grants (and the Super Admin holds them), so every
 * Content Manager route refuses them. Runs at register: Strapi mounts routes at bootstrap.
 */
export const closeContentManager = (strapi: Core.Strapi) => {
  const guard = refuseOwnTypes(strapi);
  const routers = strapi.plugin('content-manager')?.routes;
  if (!routers) return;
  if (Array.isArray(routers)) {
    guardRoutes({ type: 'admin', routes: routers }, guard);
    return;
  }
  const inputs = routers as Record<string, Core.RouterConfig>;
  for (const [name, input] of Object.entries(inputs)) {
    inputs[name] =
      typeof input === 'function'
        ? (params) => guardRoutes(input(params), guard)
        : guardRoutes(input, guard);
  }
};
