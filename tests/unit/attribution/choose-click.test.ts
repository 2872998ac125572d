import { chooseClick, type TrackedClick } from '../../../plugin/attribution';
import type { AttributionModel } from '../../../plugin/model';

const NOW = '2026-06-01T00:00:00Z';
const click = (partnerId: number | null, createdAt: string): TrackedClick => ({
  partnerId,
  programId: 1,
  linkId: 10,
  createdAt,
});
const early = click(1, '2026-05-01T00:00:00Z');
const late = click(2, '2026-05-30T00:00:00Z');
const expired = click(1, '2026-01-01T00:00:00Z');

describe('chooseClick', () => {
  it.each<
    [string, AttributionModel, number | null, TrackedClick | null, TrackedClick, number | null]
  >([
    ['last click: the latest click wins', 'last-click', 60, early, late, 2],
    ['first click: the earliest click in the window wins', 'first-click', 60, early, late, 1],
    ['first click: no click in the window', 'first-click', 60, null, late, null],
    ['last click: the latest click is too old', 'last-click', 60, null, expired, null],
    [
      'last click without a window: an old click still counts',
      'last-click',
      null,
      null,
      expired,
      1,
    ],
    ['first click without a window', 'first-click', null, expired, late, 1],
    ['a click whose link lost its partner', 'last-click', 60, null, click(null, NOW), null],
  ])('%s', (_label, attributionModel, attributionWindowDays, earliestInWindow, latest, partner) => {
    const choice = chooseClick(
      { attributionModel, attributionWindowDays },
      { earliestInWindow, latest },
      NOW
    );
    expect(choice.click?.partnerId ?? null).toBe(partner);
    expect(choice.reason === null).toBe(partner !== null);
  });

  it('says why an old click does not attribute', () => {
    const choice = chooseClick(
      { attributionModel: 'last-click', attributionWindowDays: 30 },
      { earliestInWindow: null, latest: expired },
      NOW
    );
    expect(choice.reason).toBe("the visitor's clicks are older than the 30-day attribution window");
  });
});
