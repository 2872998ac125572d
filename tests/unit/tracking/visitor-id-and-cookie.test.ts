import { isVisitorId, parseReferralCookie } from '../../../plugin/tracking';

describe('isVisitorId', () => {
  it.each([
    ['22 base64url characters (what the server makes)', 'Qm9vdHN0cmFwX3Zpc2l0b3', true],
    ['16 characters', 'abcdefghijklmnop', true],
    ['64 characters', 'a'.repeat(64), true],
    ['15 characters', 'abcdefghijklmno', false],
    ['65 characters', 'a'.repeat(65), false],
    ['a dot', 'abcdefghijklmnop.', false],
    ['markup', '<script>alert(1)</script>', false],
    ['spaces', 'abcdefgh ijklmnopq', false],
    ['a number', 1234567890123456, false],
    ['nothing', undefined, false],
  ])('%s → %s', (_label, value, expected) => {
    expect(isVisitorId(value)).toBe(expected);
  });
});

describe('parseReferralCookie', () => {
  it('reads code, visitor id and time as tracker.js writes them', () => {
    expect(parseReferralCookie('Jane20.Qm9vdHN0cmFwX3Zpc2l0b3.1777550400')).toEqual({
      code: 'jane20',
      visitorId: 'Qm9vdHN0cmFwX3Zpc2l0b3',
      storedAt: 1777550400,
    });
  });

  it('reads a percent-encoded value', () => {
    expect(parseReferralCookie('jane20%2EQm9vdHN0cmFwX3Zpc2l0b3%2E1')?.code).toBe('jane20');
  });

  it.each([
    ['empty', ''],
    ['missing', undefined],
    ['two parts', 'jane20.Qm9vdHN0cmFwX3Zpc2l0b3'],
    ['four parts', 'jane20.Qm9vdHN0cmFwX3Zpc2l0b3.1.2'],
    ['a bad code', 'j.Qm9vdHN0cmFwX3Zpc2l0b3.1'],
    ['a bad visitor id', 'jane20.short.1'],
    ['a bad time', 'jane20.Qm9vdHN0cmFwX3Zpc2l0b3.soon'],
    ['broken encoding', 'jane20%E0%A4%A.x.1'],
  ])('ignores a cookie that is %s', (_label, value) => {
    expect(parseReferralCookie(value)).toBeNull();
  });
});
