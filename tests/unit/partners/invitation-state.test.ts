import { invitationState } from '../../../plugin/partners';

const now = new Date('2026-03-15T12:00:00Z');
const later = '2026-03-18T12:00:00Z';
const earlier = '2026-03-14T12:00:00Z';

describe('invitationState', () => {
  it.each([
    ['unused, unexpired: valid', { expiresAt: later }, 'valid'],
    [
      'unused, unexpired, nulls spelled out: valid',
      { expiresAt: later, usedAt: null, revokedAt: null },
      'valid',
    ],
    ['past its expiry: expired', { expiresAt: earlier }, 'expired'],
    ['expiring exactly now: expired', { expiresAt: now }, 'expired'],
    ['used: used', { expiresAt: later, usedAt: earlier }, 'used'],
    ['used, then expired: still used', { expiresAt: earlier, usedAt: earlier }, 'used'],
    ['revoked: revoked', { expiresAt: later, revokedAt: earlier }, 'revoked'],
    ['revoked and expired: revoked', { expiresAt: earlier, revokedAt: earlier }, 'revoked'],
  ] as const)('%s', (_label, invitation, expected) => {
    expect(invitationState(invitation, now)).toBe(expected);
  });
});
