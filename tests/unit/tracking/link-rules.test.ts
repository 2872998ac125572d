import { ineligibleCode } from '../../../plugin/commissions';
import {
  checkLinkPath,
  checkPartnerAddsLink,
  checkPartnerEditsLink,
  unknownCodeReason,
} from '../../../plugin/tracking';

const landing = 'https://shop.example/welcome';

/** A link's deep path stays on the landing host (SPEC §6: no open redirect). */
describe('checkLinkPath', () => {
  it.each([
    ['/pricing', '/pricing'],
    ['  /blog/post?x=1#top ', '/blog/post?x=1#top'],
  ])('keeps %j as %j', (path, stored) => {
    expect(checkLinkPath(path, landing)).toBe(stored);
  });

  it.each([
    '//evil.example',
    '/\\evil.example',
    'https://evil.example/',
    'pricing',
    '/%2F%2Fevil.example',
    '/\t/evil.example',
  ])('refuses %j', (path) => {
    expect(checkLinkPath(path, landing)).toBeNull();
  });

  it('checks the same rules when the program has no landing URL yet', () => {
    expect(checkLinkPath('/pricing', null)).toBe('/pricing');
    expect(checkLinkPath('//evil.example', null)).toBeNull();
  });
});

const rules = (overrides = {}) => ({ partnerLinkLimit: 3, vanityCodes: false, ...overrides });

describe('checkPartnerAddsLink', () => {
  it.each([
    ['below the limit, generated code', rules(), 2, false, null],
    ['at the limit', rules(), 3, false, 'link-limit'],
    ['past the limit', rules(), 5, false, 'link-limit'],
    ['own code without vanity codes', rules(), 0, true, 'vanity-codes-off'],
    ['own code with vanity codes', rules({ vanityCodes: true }), 0, true, null],
    ['limit before vanity', rules({ partnerLinkLimit: 1 }), 1, true, 'link-limit'],
  ])('%s', (_case, program, count, choosesCode, reason) => {
    expect(checkPartnerAddsLink(program, count, choosesCode)?.reason ?? null).toBe(reason);
  });

  it('says how many links the program allows', () => {
    expect(checkPartnerAddsLink(rules({ partnerLinkLimit: 1 }), 1, false)?.message).toBe(
      'This program allows 1 link per partner; you have 1'
    );
  });
});

describe('checkPartnerEditsLink', () => {
  it.each([
    ['label and path of the default link', 'default', {}, false, null],
    ['code without vanity codes', 'default', { code: 'x1' }, false, 'vanity-codes-off'],
    ['code of the default link with vanity codes', 'default', { code: 'x1' }, true, null],
    ['disabling its own link', 'partner', { status: 'disabled' }, false, null],
    ['enabling its own link', 'partner', { status: 'active' }, false, null],
    ['disabling the default link', 'default', { status: 'disabled' }, false, 'not-partner-link'],
    ['disabling an editor link', 'admin', { status: 'disabled' }, true, 'not-partner-link'],
    ['disabling a link of unknown origin', null, { status: 'disabled' }, true, 'not-partner-link'],
  ] as const)('%s', (_case, origin, change, vanityCodes, reason) => {
    expect(checkPartnerEditsLink(rules({ vanityCodes }), { origin }, change)?.reason ?? null).toBe(
      reason
    );
  });
});

describe('unknownCodeReason with disabled links', () => {
  it('says the link is disabled, with its own stable code', () => {
    const reason = unknownCodeReason({ referralCode: 'Jane' }, ['jane']);
    expect(reason).toBe('disabled-code: the link "Jane" is disabled and attributes nothing new');
    expect(ineligibleCode(reason as string)).toBe('disabled-code');
  });

  it('names the unknown code beside the disabled one', () => {
    expect(unknownCodeReason({ referralCode: 'jane', couponCode: 'nope' }, ['jane'])).toBe(
      'disabled-code: the link "jane" is disabled and attributes nothing new; no link has the code "nope"'
    );
  });

  it('stays unknown-code when none of the codes is disabled', () => {
    expect(unknownCodeReason({ couponCode: 'b2' }, ['a1'])).toBe(
      'unknown-code: no link has the code "b2"'
    );
  });
});
