import {
  codeCandidate,
  codeFromName,
  nextFreeCode,
  REFERRAL_CODE_PATTERN,
} from '../../../plugin/tracking';

/** The default link's code (issue #12): from the partner's name, unique with -2, -3… */
describe('codeFromName', () => {
  it.each([
    ['lower-cases and joins words with "-"', 'Jane Doe', 'jane-doe'],
    ['folds accents to ASCII', 'Zoë Müller-Lüdenscheidt', 'zoe-muller-ludenscheidt'],
    ['drops punctuation at the ends', '  ACME, Inc. ', 'acme-inc'],
    ['collapses runs of separators', 'a & b -- c', 'a-b-c'],
    ['keeps digits', 'Studio 54', 'studio-54'],
    ['falls back on one usable character', 'J', 'partner-42'],
    ['falls back on no ASCII letters', '山田太郎', 'partner-42'],
    ['falls back on an empty name', '', 'partner-42'],
    ['falls back on no name', null, 'partner-42'],
  ])('%s: %j → %j', (_rule, name, code) => {
    expect(codeFromName(name, 42)).toBe(code);
  });

  it('cuts long names to 56 characters, leaving room for a suffix, without a trailing "-"', () => {
    const code = codeFromName(`${'a'.repeat(55)} bcdef`, 1);
    expect(code).toBe('a'.repeat(55));
    expect(codeFromName('x'.repeat(200), 1)).toHaveLength(56);
  });

  it('always answers a valid code', () => {
    for (const name of ['Jane', '--', 'Ünïcödé ß', '1', 'x'.repeat(300), '_a_']) {
      expect(REFERRAL_CODE_PATTERN.test(codeFromName(name, 7))).toBe(true);
    }
  });
});

describe('codeCandidate and nextFreeCode', () => {
  it('tries the base, then -2, -3…', () => {
    expect([1, 2, 3].map((attempt) => codeCandidate('jane', attempt))).toEqual([
      'jane',
      'jane-2',
      'jane-3',
    ]);
  });

  it('keeps candidates within 64 characters', () => {
    expect(codeCandidate('x'.repeat(64), 12)).toBe(`${'x'.repeat(61)}-12`);
  });

  it.each([
    ['base free', [], 'jane'],
    ['base taken', ['jane'], 'jane-2'],
    ['a gap is reused', ['jane', 'jane-3'], 'jane-2'],
    ['several taken', ['jane', 'jane-2', 'jane-3'], 'jane-4'],
    ['unrelated codes ignored', ['janet', 'jane-x'], 'jane'],
  ])('%s', (_case, taken, code) => {
    expect(nextFreeCode('jane', taken)).toBe(code);
  });
});
