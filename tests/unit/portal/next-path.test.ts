import { safeNextPath } from '../../../plugin/portal/next-path';

describe('safeNextPath', () => {
  it.each([
    ['a portal page', '/commissions', '/commissions'],
    [
      'with its query and hash',
      '/commissions?status=paid&page=2#top',
      '/commissions?status=paid&page=2#top',
    ],
    ['the dashboard', '/', '/'],
    ['a nested page', '/statements/2026-01', '/statements/2026-01'],
  ])('keeps %s', (_label, next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    ['nothing', null],
    ['an empty value', ''],
    ['the login page (the loop of issue 12)', '/login'],
    ['the login page with a query', '/login?expired=1&next=%2Flogin'],
    ['the login page, trailing slash', '/login/'],
    ['the login page, other case', '/LOGIN'],
    ['the login page, percent-encoded', '/%6cogin'],
    ['the login page through a dot segment', '/commissions/../login'],
    ['a dot segment', '/./payouts'],
    ['an invitation', '/invitation/abc'],
    ['an old invitation link', '/invite/abc'],
    ['an apply page', '/apply/acme'],
    ['an absolute URL', 'https://evil.example/commissions'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash the browser reads as a slash', '/\\evil.example'],
    ['an encoded double slash', '/%2F%2Fevil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path without a slash', 'commissions'],
    ['a tab', '/commis\tsions'],
    ['a newline', '/commissions\n//evil.example'],
    ['a space', '/ //evil.example'],
    ['broken percent-encoding', '/%E0%A4%A'],
  ])('sends %s to the dashboard', (_label, next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  describe('with the portal base path', () => {
    const base = '/partner-portal';

    it('reads a path that repeats it without it', () => {
      expect(safeNextPath('/partner-portal/payouts?page=2', base)).toBe('/payouts?page=2');
      expect(safeNextPath('/partner-portal', base)).toBe('/');
      expect(safeNextPath('/partner-portal/login', base)).toBe('/');
      expect(safeNextPath('/partner-portal//evil.example', base)).toBe('/');
    });

    it('keeps router paths as they are', () => {
      expect(safeNextPath('/payouts', base)).toBe('/payouts');
      expect(safeNextPath('/partner-portalx', base)).toBe('/partner-portalx');
    });
  });
});
