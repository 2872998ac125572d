import { isUniqueClick } from '../../../plugin/tracking';

const at = '2026-05-02T12:00:00.000Z';

/** SPEC §6: a visitor counts once per link per 24 h; bots never count. */
describe('isUniqueClick', () => {
  it.each([
    ['the first click', null, true],
    ['a click 23 h 59 min after the last unique one', '2026-05-01T12:01:00.000Z', false],
    ['a click exactly 24 h after the last unique one', '2026-05-01T12:00:00.000Z', true],
    ['a click two days after the last unique one', '2026-04-30T12:00:00.000Z', true],
    [
      'a click recorded before the previous one (clock skew between nodes)',
      '2026-05-02T12:00:01.000Z',
      false,
    ],
  ])('counts %s: %s', (_label, previous, expected) => {
    expect(isUniqueClick({ at, isBot: false }, previous)).toBe(expected);
  });

  it('never counts a bot, not even its first click', () => {
    expect(isUniqueClick({ at, isBot: true }, null)).toBe(false);
  });
});
