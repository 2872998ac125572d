import { z } from 'zod';

/** Building blocks of the portal's contracts (plugin/contracts/portal.ts re-exports them). */

export const PORTAL_MAX_PAGE_SIZE = 100;

export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((value) => value.toLowerCase());
/** A program's slug, as the portal names programs. */
export const programSlugSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[a-z0-9][a-z0-9_-]*$/i, 'a program slug');

export const pageSchema = z.coerce.number().int().min(1).max(100_000).default(1);
export const pageSizeSchema = z.coerce
  .number()
  .int()
  .min(1)
  .default(25)
  .transform((size) => Math.min(size, PORTAL_MAX_PAGE_SIZE));

/** Money as the portal shows it: integer minor units and the currency. */
export const moneySchema = z.object({ amount: z.int(), currency: z.string() });
export type Money = z.infer<typeof moneySchema>;

export const programRefSchema = z.object({ slug: z.string(), name: z.string() });
export type ProgramRef = z.infer<typeof programRefSchema>;

export const paginationSchema = z.object({
  page: z.int(),
  pageSize: z.int(),
  pageCount: z.int(),
  total: z.int(),
});
export type Pagination = z.infer<typeof paginationSchema>;
