import {
  LISTING_ACTIONS,
  LISTING_STATES,
  checkLogoFile,
  nextListingState,
  publicCopyAfter,
} from '../../../plugin/directory';

describe('nextListingState', () => {
  it.each([
    ['applied', 'apply', 'applied'],
    ['rejected', 'apply', 'applied'],
    ['unpublished', 'apply', 'applied'],
    ['drafted', 'apply', null],
    ['live', 'apply', null],
    ['applied', 'draft', 'drafted'],
    ['live', 'draft', 'drafted'],
    ['rejected', 'draft', null],
    ['drafted', 'approve', 'live'],
    ['applied', 'approve', null],
    ['live', 'approve', null],
    ['live', 'unpublish', 'unpublished'],
    ['drafted', 'unpublish', 'unpublished'],
    ['applied', 'unpublish', null],
    ['applied', 'reject', 'rejected'],
    ['live', 'reject', null],
  ] as const)('%s + %s → %s', (state, action, next) =>
    expect(nextListingState(state, action)).toBe(next)
  );

  it('every action leads to a known state', () => {
    for (const state of LISTING_STATES)
      for (const action of LISTING_ACTIONS) {
        const next = nextListingState(state, action);
        if (next) expect(LISTING_STATES).toContain(next);
      }
  });
});

describe('publicCopyAfter', () => {
  it.each([
    ['approve', false, 'publish'],
    ['approve', true, 'publish'],
    ['draft', true, 'keep'],
    ['draft', false, 'remove'],
    ['unpublish', true, 'remove'],
    ['reject', true, 'remove'],
    ['apply', false, 'remove'],
  ] as const)('%s with a copy %s → %s', (action, had, result) =>
    expect(publicCopyAfter(action, had)).toBe(result)
  );
});

describe('checkLogoFile', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]);
  const svg = new TextEncoder().encode('<svg xmlns=');
  it.each([
    ['a PNG', png, 100, 'image/png'],
    ['a JPEG', jpeg, 100, 'image/jpeg'],
    ['an SVG', svg, 100, 'only PNG'],
    ['an empty file', png, 0, 'empty'],
    ['a PNG over 1 MB', png, 1024 * 1024 + 1, 'larger than 1 MB'],
  ])('%s', (_label, head, size, expected) => {
    const result = checkLogoFile(head, size);
    expect(result.ok ? result.type : result.reason).toContain(expected);
  });
});
