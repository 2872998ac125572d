import { z } from 'zod';
import {
  eligibilitySchema,
  fraudSignalsSchema,
  productRatesSchema,
  rateSchema,
  secondTierSchema,
  tiersSchema,
} from '../contracts/rules';
import { PROGRAM_STATUSES, TIER_METRICS, TIER_MODES, TRIGGERS } from '../model';
import { ineligibleReason } from './ineligible';
import type { EngineProgram } from './types';

const instant = z.union([z.string(), z.date()]).nullable().default(null);

/** A stored program row as the engine needs it; JSON rule fields are checked, not trusted. */
const engineProgramSchema = z.object({
  id: z.union([z.string(), z.number()]),
  name: z.string().optional(),
  state: z.enum(PROGRAM_STATUSES),
  startsAt: instant,
  endsAt: instant,
  currency: z.string(),
  tierMode: z.enum(TIER_MODES).default('one-tier'),
  trigger: z.enum(TRIGGERS).default('sale'),
  commission: rateSchema,
  productRates: productRatesSchema.nullable().default(null),
  tierMetric: z.enum(TIER_METRICS).default('active-customers'),
  tiers: tiersSchema.nullable().default(null),
  secondTier: secondTierSchema.nullable().default(null),
  recurringMonths: z.int().min(0).nullable().default(null),
  holdDays: z.int().min(0).default(30),
  qualificationDays: z.int().min(0).default(90),
  attributionWindowDays: z.int().min(1).nullable().default(60),
  eligibility: eligibilitySchema.nullable().default(null),
  fraudSignals: fraudSignalsSchema.nullable().default(null),
  timezone: z.string().nullable().default('UTC'),
});

export type ParsedEngineProgram =
  { valid: true; program: EngineProgram } | { valid: false; ineligibleReason: string };

/**
 * Reads a program as stored (rules edited in the admin or the Content Manager may be malformed)
 * into the engine's input. A malformed rule earns nothing and says which field is wrong.
 */
export function parseEngineProgram(row: unknown): ParsedEngineProgram {
  const result = engineProgramSchema.safeParse(row);
  if (result.success) return { valid: true, program: result.data };
  const issue = result.error.issues[0];
  return {
    valid: false,
    ineligibleReason: ineligibleReason(
      'program-misconfigured',
      `the program's ${issue.path.join('.') || 'rules'} setting is invalid (${issue.message})`
    ),
  };
}
