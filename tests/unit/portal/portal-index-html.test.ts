import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pluginConfigSchema } from '../../../plugin/contracts/config';
import { renderIndex } from '../../../server/src/portal/serve-portal';

/** The portal's index.html template (portal/index.html), as the server fills it in. */
const template = readFileSync(join(__dirname, '..', '..', '..', 'portal', 'index.html'), 'utf8');
const portalConfig = (portal: Record<string, unknown>) =>
  pluginConfigSchema.parse({ portal }).portal;

describe('renderIndex', () => {
  it('fills in every placeholder: base path, title, logo and colour', () => {
    const html = renderIndex(
      template,
      portalConfig({
        path: '/partners',
        title: 'Globex partners',
        logoUrl: '/uploads/logo.svg',
        primaryColor: '#0f766e',
      })
    );
    expect(html).not.toMatch(/__PORTAL_[A-Z]+__/);
    expect(html).toContain('<base href="/partners/" />');
    expect(html).toContain('<title>Globex partners</title>');
    expect(html).toContain('<meta name="partners-portal-title" content="Globex partners" />');
    expect(html).toContain('<meta name="partners-portal-logo" content="/uploads/logo.svg" />');
    expect(html).toContain('<meta name="partners-portal-color" content="#0f766e" />');
  });

  it('defaults: /partner-portal, "Partner portal", no logo', () => {
    const html = renderIndex(template, portalConfig({}));
    expect(html).toContain('<base href="/partner-portal/" />');
    expect(html).toContain('<title>Partner portal</title>');
    expect(html).toContain('<meta name="partners-portal-logo" content="" />');
  });

  it('escapes a title or logo URL that tries to break out of the attribute', () => {
    const html = renderIndex(
      template,
      portalConfig({
        title: 'Acme "Partners" </title><script>alert(1)</script> $& $1',
        logoUrl: 'https://cdn.example/logo.png" onerror="alert(1)',
      })
    );
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('" onerror="');
    expect(html).toContain(
      'content="Acme &quot;Partners&quot; &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; $&amp; $1"'
    );
    expect(html).toContain('content="https://cdn.example/logo.png&quot; onerror=&quot;alert(1)"');
  });
});
