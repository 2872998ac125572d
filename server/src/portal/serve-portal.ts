import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { PluginConfig } from '../../../plugin/contracts/config';
import { getPluginConfig } from '../platform/plugin-context';

/** Hashed file names (`assets/index-4f2a9c1b.js`) never change content: cache them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built portal (`vite build` → dist/portal). The server bundle runs from dist/server/, the
 * sources (tests, `strapi develop` on the repository) from server/src/portal/: look in both.
 */
export const findPortalDir = (): string | null => {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const candidates = [
    path.resolve(here, '..', 'portal'),
    path.resolve(here, '..', '..', 'dist', 'portal'),
    path.resolve(here, '..', '..', '..', 'dist', 'portal'),
  ];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? null;
};

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * index.html with the branding in `<meta>` tags and a `<base>` for the configured path: the app
 * reads them at start, so no inline script is needed and Strapi's CSP stays as it is.
 */
export const renderIndex = (template: string, portal: PluginConfig['portal']) => {
  const values: Record<string, string> = {
    __PORTAL_BASE__: `${portal.path}/`,
    __PORTAL_TITLE__: portal.title,
    __PORTAL_LOGO__: portal.logoUrl ?? '',
    __PORTAL_COLOR__: portal.primaryColor,
  };
  return template.replace(/__PORTAL_[A-Z]+__/g, (key) =>
    key in values ? escapeAttribute(values[key]) : key
  );
};

/**
 * Serves the partner portal at `portal.path` (default `/partner-portal`): files from the build,
 * index.html for every other path below it (client-side routes). Called once from bootstrap.
 */
export const registerPortal = ({ strapi }: { strapi: Core.Strapi }) => {
  const { portal } = getPluginConfig({ strapi });
  const root = findPortalDir();
  if (!root) {
    strapi.log.warn(
      `[partners] the partner portal is not built (dist/portal); ${portal.path} answers 404`
    );
    return;
  }
  const template = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  // The branding may change at run time (Settings): rendered again when it does.
  let rendered = { key: '', html: '' };
  const index = () => {
    const branding = getPluginConfig({ strapi }).portal;
    const key = JSON.stringify([branding.title, branding.logoUrl, branding.primaryColor]);
    if (rendered.key !== key) rendered = { key, html: renderIndex(template, branding) };
    return rendered.html;
  };

  const sendIndex = (ctx: Context) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'html';
    ctx.body = index();
  };

  const serve = async (ctx: Context) => {
    const requested = ctx.params[0] ?? '';
    const file = path.resolve(root, requested);
    // Only files inside the build, and index.html only through sendIndex (it is a template).
    const inside = file.startsWith(root + path.sep) && path.basename(file) !== 'index.html';
    const stat = inside ? await fs.promises.stat(file).catch(() => null) : null;
    if (stat?.isFile()) {
      ctx.set(
        'Cache-Control',
        requested.startsWith('assets/') ? IMMUTABLE : 'public, max-age=3600'
      );
      ctx.type = path.extname(file);
      ctx.body = fs.createReadStream(file);
      return;
    }
    // A missing asset is a 404, not the app: a stale index.html must not get HTML for its JS.
    if (requested.startsWith('assets/') || path.extname(requested) !== '') {
      ctx.status = 404;
      ctx.type = 'text';
      ctx.body = 'Not found';
      return;
    }
    sendIndex(ctx);
  };

  strapi.server.routes([
    {
      method: 'GET',
      path: portal.path,
      handler: sendIndex,
      config: { auth: false },
    },
    { method: 'GET', path: `${portal.path}/(.*)`, handler: serve, config: { auth: false } },
  ]);
};
