import type { ProgramRulesInput } from '../../plugin/contracts/rules';

/**
 * The CallTrackingMetrics affiliate terms as program rules (docs/commission-rules.md): $39 / $99
 * / $299 per Performance / Growth / Connect account after 90 active days, $59 / $149 / $449 from
 * 25 accounts active in the month.
 */

const flat = (dollars: number) => ({ type: 'flat' as const, amount: dollars * 100 });
const plans = (performance: number, growth: number, connect: number) => [
  { product: 'performance', commission: flat(performance) },
  { product: 'growth', commission: flat(growth) },
  { product: 'connect', commission: flat(connect) },
];

export const CTM_RULES = {
  trigger: 'qualified-customer' as const,
  qualificationDays: 90,
  commission: flat(39),
  productRates: plans(39, 99, 299),
  tierMetric: 'active-customers-in-month' as const,
  tiers: [
    {
      name: '25 active accounts',
      threshold: 25,
      commission: flat(59),
      productRates: plans(59, 149, 449),
    },
  ],
} satisfies ProgramRulesInput & { trigger: string };
