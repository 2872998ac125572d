import { decidePayoutMethodRemoval } from '../../../plugin/partners';

describe('decidePayoutMethodRemoval', () => {
  it.each([
    [
      'a saved method',
      { savedIds: ['pm_a', 'pm_b'], activeId: 'pm_a', targetId: 'pm_b' },
      'remove',
    ],
    [
      'the active method',
      { savedIds: ['pm_a', 'pm_b'], activeId: 'pm_a', targetId: 'pm_a' },
      'active',
    ],
    ['the only method', { savedIds: ['pm_a'], activeId: 'pm_a', targetId: 'pm_a' }, 'active'],
    ['when none is active', { savedIds: ['pm_a'], activeId: null, targetId: 'pm_a' }, 'remove'],
    [
      "another partner's method",
      { savedIds: ['pm_a'], activeId: 'pm_a', targetId: 'pm_z' },
      'not-found',
    ],
  ] as const)('%s', (_label, input, expected) => {
    expect(decidePayoutMethodRemoval(input)).toBe(expected);
  });
});
