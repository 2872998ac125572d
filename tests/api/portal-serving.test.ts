import { useTestApp } from '../helpers/test-app';

/** The partner portal's page, served by the plugin from dist/portal (built by `npm run build`). */
const { app, admin } = useTestApp({ admin: true });

const BASE = '/partner-portal';

/** `src`/`href` of the page's scripts and stylesheets (the icon is an empty `data:` URL). */
const assetsOf = (html: string) =>
  [...html.matchAll(/<(?:script|link)\b[^>]*?\s(?:src|href)="([^"]+)"/g)]
    .map((match) => match[1])
    .filter((href) => !href.startsWith('data:'));

describe('the partner portal page', () => {
  it.each([`${BASE}`, `${BASE}/`, `${BASE}/commissions`, `${BASE}/invite/a1b2c3`])(
    '%s answers the app: 200 HTML, never cached, under Strapi’s CSP',
    async (path) => {
      const response = await app.request().get(path);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      const csp = response.headers['content-security-policy'];
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(response.text).toContain('<div id="root"></div>');
    }
  );

  it('carries the branding in meta tags and a base for the configured path, with no inline script', async () => {
    const { text } = await app.request().get(`${BASE}/statements`);
    expect(text).toContain(`<base href="${BASE}/"`);
    expect(text).toContain('<meta name="partners-portal-title" content="Acme partner portal"');
    expect(text).toContain('<meta name="partners-portal-color" content="#4945ff"');
    expect(text).toContain('<title>Acme partner portal</title>');
    expect(text).not.toMatch(/__PORTAL_[A-Z]+__/);
    const scripts = [...text.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toMatch(/\ssrc="/);
  });

  it('shows branding saved in Settings on the next page load, and the configured one again once it is cleared', async () => {
    const settings = (data: object) =>
      app
        .request()
        .put('/partners/settings')
        .set('Authorization', `Bearer ${admin()}`)
        .send({ data })
        .expect(200);
    await settings({ portal: { title: 'Acme & Co partners', primaryColor: '#0a7d33' } });
    const { text } = await app.request().get(`${BASE}/`);
    expect(text).toContain('<title>Acme &amp; Co partners</title>');
    expect(text).toContain('<meta name="partners-portal-color" content="#0a7d33"');
    await settings({});
    expect((await app.request().get(`${BASE}/`)).text).toContain(
      '<title>Acme partner portal</title>'
    );
  });

  it('serves the hashed assets the page names, cached for a year', async () => {
    const { text } = await app.request().get(`${BASE}/`);
    const assets = assetsOf(text);
    expect(assets.some((href) => href.endsWith('.js'))).toBe(true);
    expect(assets.some((href) => href.endsWith('.css'))).toBe(true);
    for (const href of assets) {
      const url = new URL(href, `http://portal${BASE}/`);
      const response = await app.request().get(url.pathname);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(
        href.endsWith('.js') ? /javascript/ : /text\/css/
      );
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Number(response.headers['content-length'] ?? response.text.length)).toBeGreaterThan(
        100
      );
    }
  });

  it('answers 404 for a missing asset and never serves files outside the build', async () => {
    expect((await app.request().get(`${BASE}/assets/index-missing.js`)).status).toBe(404);
    expect((await app.request().get(`${BASE}/favicon-missing.png`)).status).toBe(404);
    for (const path of [
      `${BASE}/..%2f..%2fpackage.json`,
      `${BASE}/%2e%2e/%2e%2e/package.json`,
      `${BASE}/assets/..%2f..%2f..%2fpackage.json`,
      `${BASE}/%E0%A4%A`,
    ]) {
      const response = await app.request().get(path);
      expect(response.text).not.toContain('strapi-plugin-partners');
      expect(response.status).toBeLessThan(500);
    }
  });
});
