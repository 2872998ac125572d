/**
 * Branding and the base path, written by the server into index.html's `<meta>` and `<base>`
 * (server/src/portal/serve-portal.ts): no inline script, so Strapi's CSP stays untouched.
 */
const meta = (name: string) => {
  const value = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
  return value.startsWith('__PORTAL_') ? '' : value; // not substituted: `vite dev`
};

const baseHref = document.querySelector('base')?.getAttribute('href') ?? '/';

export const portalConfig = {
  /** The router's basename: `/partner-portal` for `<base href="/partner-portal/">`. */
  basename: baseHref.startsWith('/') ? baseHref.replace(/\/+$/, '') : '',
  title: meta('partners-portal-title') || 'Partner portal',
  logoUrl: meta('partners-portal-logo') || null,
  primaryColor: /^#[0-9a-f]{6}$/i.test(meta('partners-portal-color'))
    ? meta('partners-portal-color')
    : '#4945ff',
};

/** The brand colour and its readable text colour as CSS variables. */
export const applyBranding = (color: string) => {
  const rgb = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  const luminance = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
  const style = document.documentElement.style;
  style.setProperty('--brand', color);
  style.setProperty('--brand-rgb', rgb.join(', '));
  style.setProperty('--brand-contrast', luminance > 0.6 ? '#111827' : '#ffffff');
};
