import { decideTeamRemoval } from '../../../plugin/partners';

describe('decideTeamRemoval', () => {
  it.each([
    ['a teammate', { userIds: [1, 2], activeUserIds: [1, 2], actorId: 1, targetId: 2 }, 'remove'],
    [
      'a blocked teammate',
      { userIds: [1, 2], activeUserIds: [1], actorId: 1, targetId: 2 },
      'remove',
    ],
    ['yourself', { userIds: [1, 2], activeUserIds: [1, 2], actorId: 1, targetId: 1 }, 'self'],
    [
      'your own, only login',
      { userIds: [1], activeUserIds: [1], actorId: 1, targetId: 1 },
      'last-login',
    ],
    [
      'yourself when the others are blocked',
      { userIds: [1, 2], activeUserIds: [1], actorId: 1, targetId: 1 },
      'last-login',
    ],
    [
      "another partner's login",
      { userIds: [1, 2], activeUserIds: [1, 2], actorId: 1, targetId: 3 },
      'not-found',
    ],
  ] as const)('%s', (_label, input, expected) => {
    expect(decideTeamRemoval(input)).toBe(expected);
  });
});
