import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { PublicListing } from '../../../plugin/contracts/directory';
import type { PluginConfig } from '../../../plugin/contracts/config';
import { listingSlugSchema } from '../../../plugin/contracts/directory';
import { safeHref } from '../../../plugin/tracking/is-web-address';
import { getPluginConfig, getService } from '../platform/plugin-context';

/** Listings on the one directory page; beyond that the JSON API pages through them. */
const PAGE_LISTINGS = 100;

const escape = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

const summary = (text: string, max = 160) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

const tags = (label: string, values: string[]) =>
  values.length
    ? `<p class="tags"><span>${escape(label)}</span> ${values.map((value) => `<span class="tag">${escape(value)}</span>`).join(' ')}</p>`
    : '';

const logo = (listing: PublicListing) => {
  const src = safeHref(listing.logoUrl);
  return src ? `<img class="logo" src="${escape(src)}" alt="${escape(listing.name)}">` : '';
};

/** One HTML document in the portal's branding: its title, logo and primary colour. */
const page = (
  portal: PluginConfig['portal'],
  { title, description, body }: { title: string; description: string; body: string }
) => {
  const brand = safeHref(portal.logoUrl);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<meta name="description" content="${escape(description)}">
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2933;background:#f5f7fa}
header{background:${escape(portal.primaryColor)};color:#fff;padding:16px 24px;display:flex;gap:12px;align-items:center}
header img{height:32px}header a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:960px;margin:0 auto;padding:24px}
h1{margin:0 0 16px}.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:16px}
article{background:#fff;border-radius:8px;padding:16px;box-shadow:0 1px 3px rgba(0,0,0,.1)}
article h2{margin:0 0 8px;font-size:1.2rem}article h2 a{color:${escape(portal.primaryColor)}}
.logo{max-height:48px;max-width:160px;display:block;margin-bottom:8px}
.tags span:first-child{font-weight:600}.tag{display:inline-block;background:#e4e7eb;border-radius:12px;padding:2px 10px;margin:2px;font-size:.85rem}
.website{font-weight:600}
</style>
</head>
<body>
<header>${brand ? `<img src="${escape(brand)}" alt="">` : ''}<a href="${escape(portal.path)}/directory">${escape(portal.title)}</a></header>
<main>
${body}
</main>
</body>
</html>`;
};

const card = (listing: PublicListing, path: string) => `<article>
${logo(listing)}<h2><a href="${escape(path)}/${escape(listing.slug)}">${escape(listing.name)}</a></h2>
<p>${escape(summary(listing.description))}</p>
${tags('Services', listing.services)}${tags('Regions', listing.regions)}
</article>`;

const detail = (listing: PublicListing) => {
  const website = safeHref(listing.website);
  return `<article>
${logo(listing)}<h1>${escape(listing.name)}</h1>
${listing.description
  .split(/\n{2,}/)
  .map((paragraph) => `<p>${escape(paragraph)}</p>`)
  .join('\n')}
${tags('Services', listing.services)}${tags('Regions', listing.regions)}
${website ? `<p><a class="website" href="${escape(website)}" rel="noopener">${escape(website)}</a></p>` : ''}
</article>`;
};

/**
 * The public, server-rendered directory under the portal path: `<portal>/directory` lists the
 * live listings, `<portal>/directory/<slug>` shows one. Plain HTML with a title and a meta
 * description per page, so crawlers read it without running the portal app. Registered before
 * the portal's own catch-all route.
 */
export const registerDirectoryPage = ({ strapi }: { strapi: Core.Strapi }) => {
  const views = () => getService('listing-views', { strapi });
  const send = (ctx: Context, status: number, html: string) => {
    ctx.status = status;
    // Revalidated on every visit: an unpublished listing leaves the page at once.
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'html';
    ctx.body = html;
  };

  const list = async (ctx: Context) => {
    const { portal } = getPluginConfig({ strapi });
    const path = `${portal.path}/directory`;
    const { data } = await views().publicPage({ page: 1, pageSize: PAGE_LISTINGS });
    const title = `Partner directory · ${portal.title}`;
    const body = data.length
      ? `<div class="grid">${data.map((listing) => card(listing, path)).join('\n')}</div>`
      : '<p>No partners are listed yet.</p>';
    send(
      ctx,
      200,
      page(portal, {
        title,
        description: `Agencies and partners of ${portal.title}: what they do and where they work.`,
        body: `<h1>Partner directory</h1>\n${body}`,
      })
    );
  };

  const show = async (ctx: Context) => {
    const { portal } = getPluginConfig({ strapi });
    const slug = listingSlugSchema.safeParse(ctx.params.slug);
    const listing = slug.success
      ? await views()
          .publicListing(slug.data)
          .catch(() => null)
      : null;
    if (!listing) {
      send(
        ctx,
        404,
        page(portal, {
          title: `Not found · ${portal.title}`,
          description: 'This partner is not listed.',
          body: `<h1>Not listed</h1><p>This partner is not in the directory. <a href="${escape(portal.path)}/directory">All partners</a></p>`,
        })
      );
      return;
    }
    send(
      ctx,
      200,
      page(portal, {
        title: `${listing.name} · ${portal.title}`,
        description: summary(listing.description),
        body: detail(listing),
      })
    );
  };

  const { portal } = getPluginConfig({ strapi });
  strapi.server.routes([
    { method: 'GET', path: `${portal.path}/directory`, handler: list, config: { auth: false } },
    {
      method: 'GET',
      path: `${portal.path}/directory/:slug`,
      handler: show,
      config: { auth: false },
    },
  ]);
};
