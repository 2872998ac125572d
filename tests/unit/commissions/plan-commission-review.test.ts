import { planCommissionReview, type ReviewEntry } from '../../../plugin/commissions';
import type { CommissionStatus } from '../../../plugin/model';

const levelOne = (id: number, state: CommissionStatus = 'pending'): ReviewEntry => ({
  id,
  level: 1,
  state,
  source: null,
});
const levelTwo = (
  id: number,
  source: ReviewEntry,
  state: CommissionStatus = 'pending'
): ReviewEntry => ({ id, level: 2, state, source: { id: source.id, state: source.state } });

/** SPEC §5.7: level-2 entries follow their source entry through review and the approval job. */
describe('planCommissionReview', () => {
  const sale = levelOne(1);
  const cut = levelTwo(2, sale);

  it.each(['approve', 'reject'] as const)(
    '%s of a level-1 entry carries its pending level-2 entry',
    (decision) => {
      expect(planCommissionReview(decision, [sale], [cut])).toEqual({
        selected: [1],
        carried: [2],
      });
    }
  );

  it('moves an entry and its follower once when both are selected', () => {
    expect(planCommissionReview('approve', [sale, cut], [cut])).toEqual({
      selected: [1, 2],
      carried: [],
    });
  });

  it.each([
    ['pending source (not selected)', levelOne(3, 'pending'), []],
    ['rejected source', levelOne(3, 'rejected'), []],
    ['reversed source', levelOne(3, 'reversed'), []],
    ['approved source', levelOne(3, 'approved'), [4]],
    ['paid source', levelOne(3, 'paid'), [4]],
  ])('approves a level-2 entry alone only after its source: %s', (_label, source, expected) => {
    const alone = levelTwo(4, source);
    expect(planCommissionReview('approve', [alone], []).selected).toEqual(expected);
  });

  it('rejects a level-2 entry alone, whatever its source', () => {
    const alone = levelTwo(4, levelOne(3, 'approved'));
    expect(planCommissionReview('reject', [alone], [])).toEqual({ selected: [4], carried: [] });
  });

  it('approving an approved source catches up its pending level-2 entry', () => {
    const approved = levelOne(5, 'approved');
    const left = levelTwo(6, approved);
    expect(planCommissionReview('approve', [approved], [left])).toEqual({
      selected: [],
      carried: [6],
    });
  });

  it('rejecting an approved source leaves it and its level-2 entry alone', () => {
    const approved = levelOne(5, 'approved');
    expect(planCommissionReview('reject', [approved], [levelTwo(6, approved)])).toEqual({
      selected: [],
      carried: [],
    });
  });

  it('never moves entries that are not pending', () => {
    const paid = levelOne(7, 'paid');
    const plan = planCommissionReview('approve', [paid, levelTwo(8, paid, 'approved')], []);
    expect(plan).toEqual({ selected: [], carried: [] });
  });

  it('approves an orphaned level-2 entry (its source is gone) like a level-1 entry', () => {
    const orphan: ReviewEntry = { id: 9, level: 2, state: 'pending', source: null };
    expect(planCommissionReview('approve', [orphan], []).selected).toEqual([9]);
  });
});

/** SPEC §10: held entries are released or rejected, level 2 following level 1. */
describe('planCommissionReview of held entries', () => {
  const held = levelOne(1, 'on-hold');
  const heldCut = levelTwo(2, held, 'on-hold');

  it.each([
    ['release', [held], [heldCut], { selected: [1], carried: [2] }],
    ['reject', [held], [heldCut], { selected: [1], carried: [2] }],
    ['approve', [held], [heldCut], { selected: [], carried: [] }],
    ['release', [levelOne(3)], [], { selected: [], carried: [] }],
    ['release', [heldCut], [], { selected: [], carried: [] }],
  ] as const)('%s of %j', (decision, selected, followers, plan) => {
    expect(planCommissionReview(decision, selected, followers)).toEqual(plan);
  });
});
