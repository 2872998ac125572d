import { calculateSaleCommissions } from '../../../plugin/commissions';
import type { SecondTier } from '../../../plugin/contracts/rules';
import {
  aParent,
  aPartner,
  aProgram,
  aSale,
  amountsByLevel,
  anEnrollment,
  anOrder,
  draftsOf,
} from './builders';

/** SPEC §5.5: the recruiter's share. */

const twoTier = (secondTier: SecondTier) => aProgram({ tierMode: 'two-tier', secondTier });
const fivePercentOfSale: SecondTier = {
  commission: { type: 'percentage', bps: 500 },
  basis: 'sale',
};

describe('two-tier commissions', () => {
  it('pays a share of the level-1 commission with basis "commission"', () => {
    const result = calculateSaleCommissions(
      aSale({
        program: twoTier({ commission: { type: 'percentage', bps: 1000 }, basis: 'commission' }),
        parent: aParent(),
      })
    );
    expect(amountsByLevel(result)).toEqual({ 1: 2000, 2: 200 });
    const [, levelTwo] = draftsOf(result);
    expect(levelTwo.basisAmount).toBe(2000);
    expect(levelTwo.explanation.steps).toContain(
      "Recruiter's share: 10% of the $20.00 commission earned by the partner you recruited = $2.00"
    );
  });

  it('pays a flat share', () => {
    const result = calculateSaleCommissions(
      aSale({
        program: twoTier({ commission: { type: 'flat', amount: 300 }, basis: 'sale' }),
        parent: aParent(),
      })
    );
    expect(amountsByLevel(result)).toEqual({ 1: 2000, 2: 300 });
  });

  it('computes the sale basis on the eligible lines only', () => {
    const result = calculateSaleCommissions(
      aSale({
        program: aProgram({
          tierMode: 'two-tier',
          secondTier: fivePercentOfSale,
          eligibility: { products: ['pro'] },
        }),
        parent: aParent(),
        order: anOrder({
          amount: 15000,
          items: [
            { product: 'pro', amount: 10000, quantity: 1 },
            { product: 'other', amount: 5000, quantity: 1 },
          ],
        }),
      })
    );
    expect(amountsByLevel(result)).toEqual({ 1: 2000, 2: 500 });
  });

  it.each([
    [
      'a one-tier program',
      aSale({ program: aProgram({ secondTier: fivePercentOfSale }), parent: aParent() }),
    ],
    ['no recruiter', aSale({ program: twoTier(fivePercentOfSale), parent: null })],
    [
      'a recruiter who is the partner itself (a cycle)',
      aSale({
        program: twoTier(fivePercentOfSale),
        parent: { partner: aPartner(), enrollment: anEnrollment() },
      }),
    ],
    [
      'a suspended recruiter',
      aSale({ program: twoTier(fivePercentOfSale), parent: aParent({ state: 'suspended' }) }),
    ],
    [
      'a recruiter not enrolled in the program',
      aSale({ program: twoTier(fivePercentOfSale), parent: { ...aParent(), enrollment: null } }),
    ],
    [
      'a recruiter whose enrollment is pending',
      aSale({
        program: twoTier(fivePercentOfSale),
        parent: { ...aParent(), enrollment: anEnrollment({ state: 'applied' }) },
      }),
    ],
    [
      'the recruiter buying through its recruit',
      aSale({
        program: twoTier(fivePercentOfSale),
        parent: aParent(),
        order: anOrder({ customerEmail: 'recruiter@example.com' }),
      }),
    ],
  ])('pays no level 2 with %s', (_label, input) => {
    expect(amountsByLevel(calculateSaleCommissions(input))).toEqual({ 1: 2000 });
  });

  it('pays the recruiter even when level 1 rounds to nothing', () => {
    const result = calculateSaleCommissions(
      aSale({
        program: aProgram({
          tierMode: 'two-tier',
          commission: { type: 'percentage', bps: 0 },
          secondTier: fivePercentOfSale,
        }),
        parent: aParent(),
      })
    );
    const drafts = draftsOf(result);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ level: 2, amount: 500, sourceKey: null });
  });
});
