import fc from 'fast-check';
import { attributionWindowStart, isWithinAttributionWindow } from '../../../plugin/attribution';

const CLICK = '2026-03-01T12:00:00.000Z';

describe('isWithinAttributionWindow', () => {
  it.each([
    ['a null window has no limit', null, '2036-03-01T12:00:00Z', true],
    ['the same instant', 60, CLICK, true],
    ['the last instant of the window', 60, '2026-04-30T12:00:00Z', true],
    ['a millisecond after the window', 60, '2026-04-30T12:00:00.001Z', false],
    ['a one-day window, next day', 1, '2026-03-02T11:59:59Z', true],
    ['a one-day window, two days on', 1, '2026-03-03T12:00:00Z', false],
    ['a conversion before its attribution was deliberate', 30, '2026-02-01T00:00:00Z', true],
  ])('%s', (_label, windowDays, at, inside) => {
    expect(isWithinAttributionWindow(windowDays, CLICK, at)).toBe(inside);
  });

  it.each([
    ['no limit: no lower bound for queries', null, null],
    ['60 days back', 60, '2026-01-01T12:00:00.000Z'],
  ])('window start: %s', (_label, windowDays, start) => {
    expect(attributionWindowStart(windowDays, '2026-03-02T12:00:00Z')).toBe(start);
  });

  it('agrees with the query bound: inside exactly when the click is at or after the start', () => {
    const day = 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3650 }),
        fc.integer({ min: 0, max: 4000 * day }),
        (windowDays, ageMs) => {
          const at = Date.UTC(2030, 0, 1);
          const clickedAt = new Date(at - ageMs).toISOString();
          const start = attributionWindowStart(windowDays, new Date(at)) as string;
          expect(isWithinAttributionWindow(windowDays, clickedAt, new Date(at))).toBe(
            clickedAt >= start
          );
        }
      )
    );
  });
});
