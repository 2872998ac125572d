import { z } from 'zod';
import { documentIdSchema } from './payouts';

/** Pieces every admin contract shares (see ./admin.ts). */

export { documentIdSchema };

/** A calendar day "YYYY-MM-DD" (UTC); ranges include both ends. */
export const daySchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day as "YYYY-MM-DD"')
  // Zod runs every check even after the pattern fails: an unparsable string must not throw here.
  .refine((day) => {
    const at = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(day);
  }, 'not a calendar day');

/** A program's `slug`: the characters Strapi's uid field allows ("acme-partners"). */
export const slugSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9\-_.~]+$/, 'letters, digits, "-", "_", "." and "~" only');

/** A partner tier label ("gold"); free text chosen by the editors. */
export const tierLabelSchema = z.string().trim().min(1).max(64);

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
};

export const paginationSchema = z.object({
  page: z.int(),
  pageSize: z.int(),
  pageCount: z.int(),
  total: z.int(),
});
export type Pagination = z.infer<typeof paginationSchema>;

export const moneySchema = z.object({ amount: z.int(), currency: z.string() });
/** An amount in one currency; totals over several currencies are arrays of these. */
export type Money = z.infer<typeof moneySchema>;

export const dateRange = <T extends { from?: string; to?: string }>(query: T) =>
  !query.from || !query.to || query.from <= query.to;
export const rangeMessage = { message: '"from" must not be after "to"', path: ['from'] };

export const partnerRefSchema = z.object({ documentId: z.string(), name: z.string() });
export const programRefSchema = partnerRefSchema.extend({ slug: z.string() });
export type PartnerRef = z.infer<typeof partnerRefSchema>;
export type ProgramRef = z.infer<typeof programRefSchema>;

/** `/:id` of every admin route: a documentId. */
export const idParamSchema = documentIdSchema;

export type ListResponse<T> = { data: T[]; meta: { pagination: Pagination } };
