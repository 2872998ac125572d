import {
  accessTokenClaims,
  MAX_REFRESH_MARGIN_MS,
  refreshDueAt,
} from '../../../plugin/portal/access-token';

const decode = (base64: string) => Buffer.from(base64, 'base64').toString('latin1');
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: unknown) =>
  `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}.sig`;

describe('accessTokenClaims', () => {
  it('reads a refresh-mode access token (type access)', () => {
    const token = jwt({ userId: '7', sessionId: 'abc', type: 'access', iat: 1000, exp: 1600 });
    expect(accessTokenClaims(token, decode)).toEqual({ iat: 1000, exp: 1600, type: 'access' });
  });

  it('reads a legacy JWT (no type)', () => {
    expect(accessTokenClaims(jwt({ id: 7, iat: 1000, exp: 2_593_000 }), decode)).toEqual({
      iat: 1000,
      exp: 2_593_000,
      type: undefined,
    });
  });

  it('decodes the base64url alphabet and missing padding', () => {
    // "~~~" encodes to "fn5-" in base64url: a `-` that plain base64 decoding would drop.
    const token = jwt({ exp: 1600, note: '~~~?>>' });
    expect(token.split('.')[1]).toMatch(/[-_]/);
    expect(accessTokenClaims(token, decode)?.exp).toBe(1600);
  });

  it.each([
    ['not a JWT', 'not-a-jwt'],
    ['two parts', 'a.b'],
    ['an empty payload', 'a..c'],
    ['a payload that is not JSON', `a.${Buffer.from('nope').toString('base64url')}.c`],
    ['a payload that is not an object', `a.${base64url(42)}.c`],
  ])('answers null for %s', (_label, token) => {
    expect(accessTokenClaims(token, decode)).toBeNull();
  });

  it('ignores claims of the wrong type', () => {
    expect(accessTokenClaims(jwt({ iat: '1000', exp: null, type: 1 }), decode)).toEqual({
      iat: undefined,
      exp: undefined,
      type: undefined,
    });
  });
});

describe('refreshDueAt', () => {
  const received = 5_000_000;

  it.each([
    // label, iat, exp, due after receipt (ms)
    ['600 s (users-permissions default): a minute early', 1000, 1600, 540_000],
    ['4 s (the browser tests): a quarter early', 1000, 1004, 3_000],
    ['2 minutes: 30 s early', 1000, 1120, 90_000],
    ['30 days (legacy): a minute early', 1000, 1000 + 30 * 86_400, 30 * 86_400_000 - 60_000],
  ])('%s', (_label, iat, exp, dueAfterMs) => {
    expect(refreshDueAt({ iat, exp }, received)).toBe(received + dueAfterMs);
  });

  it('lays the lifetime onto the local clock, whatever the server clock says', () => {
    // A browser clock hours behind the server's: the token still lasts 600 s from its arrival.
    expect(refreshDueAt({ iat: 1_900_000_000, exp: 1_900_000_600 }, received)).toBe(
      received + 540_000
    );
  });

  it('trusts the local clock without iat', () => {
    const exp = Math.floor(received / 1000) + 600;
    expect(refreshDueAt({ exp }, received)).toBe(exp * 1000 - MAX_REFRESH_MARGIN_MS);
  });

  it('is due at once for a token already expired', () => {
    expect(refreshDueAt({ exp: 1 }, received)).toBe(received);
    expect(refreshDueAt({ iat: 10, exp: 10 }, received)).toBe(received);
  });

  it('plans nothing without exp', () => {
    expect(refreshDueAt({ iat: 1000 }, received)).toBeNull();
  });
});
