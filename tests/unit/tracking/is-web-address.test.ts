import { isWebAddress, safeHref } from '../../../plugin/tracking';

describe('isWebAddress', () => {
  it.each([
    ['https://shop.example/pricing', true],
    ['http://shop.example', true],
    ['HTTPS://SHOP.EXAMPLE/', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox(1)', false],
    ['//evil.example/', false],
    ['/uploads/banner.png', false],
    ['not a url', false],
  ])('%s → %s', (value, expected) => {
    expect(isWebAddress(value)).toBe(expected);
  });
});

describe('safeHref', () => {
  it.each([
    ['https://shop.example/a', 'https://shop.example/a'],
    ['/uploads/banner.png', '/uploads/banner.png'],
    ['//evil.example/x', undefined],
    ['/\\evil.example/x', undefined],
    ['javascript:alert(document.cookie)', undefined],
    ['data:image/svg+xml,<svg onload=alert(1)>', undefined],
    [null, undefined],
    ['', undefined],
  ])('%s → %s', (value, expected) => {
    expect(safeHref(value)).toBe(expected);
  });
});
