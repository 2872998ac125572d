import { buildRedirectUrl } from '../../../plugin/tracking';

const referral = { code: 'jane20', visitorId: 'V1sitor_id-0123456789' };
const landingUrl = 'https://shop.example/welcome?utm_source=partners';

const target = (to: string | null, linkPath: string | null = null) =>
  buildRedirectUrl({ landingUrl, linkPath, to, referral });

/** SPEC §6: landing URL + link path + an optional `to` on the landing host, then ref and pvid. */
describe('buildRedirectUrl', () => {
  it('adds ref and pvid to the landing URL and keeps its own parameters', () => {
    expect(target(null)).toEqual({
      url: 'https://shop.example/welcome?utm_source=partners&ref=jane20&pvid=V1sitor_id-0123456789',
      refusedTo: false,
    });
  });

  it('replaces ref and pvid the landing URL already carries', () => {
    const url = buildRedirectUrl({
      landingUrl: 'https://shop.example/?ref=old&pvid=old&a=1',
      referral,
    })?.url;
    expect(url).toBe('https://shop.example/?ref=jane20&pvid=V1sitor_id-0123456789&a=1');
  });

  it.each([
    ['host-absolute link path', '/pricing', 'https://shop.example/pricing?utm_source=partners'],
    ['relative link path', 'pricing', 'https://shop.example/pricing?utm_source=partners'],
    [
      'link path with its own query and fragment',
      '/pricing?plan=pro&utm_source=jane#faq',
      'https://shop.example/pricing?plan=pro&utm_source=jane',
    ],
  ])('follows the %s', (_label, linkPath, expected) => {
    const result = buildRedirectUrl({ landingUrl, linkPath, referral: null });
    expect(result?.url.replace(/#.*$/, '')).toBe(expected);
  });

  it('keeps the fragment of the deep link after the added parameters', () => {
    expect(target(null, '/pricing#faq')?.url).toBe(
      'https://shop.example/pricing?utm_source=partners&ref=jane20&pvid=V1sitor_id-0123456789#faq'
    );
  });

  it.each([
    ['a path', '/blog/post-1', 'https://shop.example/blog/post-1'],
    ['a path with a query', '/search?q=shoes', 'https://shop.example/search'],
    ['a same-origin absolute URL', 'https://shop.example/docs', 'https://shop.example/docs'],
    ['a relative path', 'docs/start', 'https://shop.example/docs/start'],
    ['a bare word that looks like a host', 'evil.com', 'https://shop.example/evil.com'],
  ])('follows `to` when it is %s', (_label, to, expectedPath) => {
    const result = target(to, '/pricing');
    expect(result?.refusedTo).toBe(false);
    expect(result?.url.startsWith(`${expectedPath}?`)).toBe(true);
  });

  it.each([
    ['protocol-relative', '//evil.com'],
    ['protocol-relative with a path', '//evil.com/welcome'],
    ['another host', 'https://evil.com'],
    ['another host with the landing host as user', 'https://shop.example@evil.com/'],
    ['another host that starts like the landing host', 'https://shop.example.evil.com/'],
    ['another scheme', 'http://shop.example/welcome'],
    ['another port', 'https://shop.example:8443/welcome'],
    ['backslash', '/\\evil.com'],
    ['backslashes', '\\\\evil.com'],
    ['tab inside //', '/\t/evil.com'],
    ['newline inside //', '/\n/evil.com'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: in capitals with spaces', '  JaVaScRiPt:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['encoded //', '%2F%2Fevil.com'],
    ['encoded // after a slash', '/%2F%2Fevil.com'],
    ['encoded backslash', '/%5Cevil.com'],
    ['double-encoded //', '%252F%252Fevil.com'],
    ['encoded javascript:', 'javascript%3Aalert(1)'],
    ['encoded scheme and host', 'https%3A%2F%2Fevil.com'],
    ['special-scheme relative', 'https:evil.com'],
    ['too long', `/${'a'.repeat(2048)}`],
  ])('refuses `to` that is %s and still sends the visitor to the landing URL', (_label, to) => {
    const result = target(to);
    expect(result).toEqual({
      url: 'https://shop.example/welcome?utm_source=partners&ref=jane20&pvid=V1sitor_id-0123456789',
      refusedTo: true,
    });
    expect(new URL(result!.url).host).toBe('shop.example');
  });

  it('falls back to the link path when `to` is refused', () => {
    const result = target('//evil.com', '/pricing');
    expect(result?.url.startsWith('https://shop.example/pricing?')).toBe(true);
    expect(result?.refusedTo).toBe(true);
  });

  it('ignores a link path that leaves the landing host', () => {
    const result = target(null, 'https://evil.com/x');
    expect(result?.url.startsWith('https://shop.example/welcome?')).toBe(true);
  });

  it('adds nothing for a redirect without a referral (inactive link)', () => {
    const result = buildRedirectUrl({ landingUrl, linkPath: '/pricing', referral: null });
    expect(result?.url).toBe('https://shop.example/pricing?utm_source=partners');
  });

  it.each([
    ['missing', null],
    ['empty', ''],
    ['not a URL', 'shop.example'],
    ['not http(s)', 'javascript:alert(1)//https://shop.example'],
    ['ftp', 'ftp://shop.example/'],
  ])('has no target when the landing URL is %s', (_label, url) => {
    expect(buildRedirectUrl({ landingUrl: url, referral })).toBeNull();
  });

  it('keeps the landing port when `to` names it', () => {
    const result = buildRedirectUrl({
      landingUrl: 'http://localhost:3000/',
      to: 'http://localhost:3000/app',
      referral,
    });
    expect(result?.url.startsWith('http://localhost:3000/app?ref=jane20&')).toBe(true);
    expect(result?.refusedTo).toBe(false);
  });
});
