import { z } from 'zod';
import { LINK_ORIGINS, LINK_STATUSES } from '../model';
import { referralCodeSchema } from './orders';

/**
 * The fields of a referral link (SPEC §4) as the admin and the portal send them. Codes are
 * stored in lower case; `path` is a deep link on the program's landing host (the server also
 * checks it against that host: no open redirect); null clears a label or path. The stored
 * `disabledAt` is the HTTP `status`: `active` or `disabled`.
 */
export const linkCodeSchema = referralCodeSchema;
export const linkLabelSchema = z
  .string()
  .trim()
  .max(200)
  .nullable()
  .transform((label) => label || null);
export const linkPathSchema = z
  .string()
  .trim()
  .max(1024)
  .refine(
    (path) => path === '' || path.startsWith('/'),
    'a path on the landing site, e.g. "/pricing"'
  )
  .nullable()
  .transform((path) => path || null);
export const linkStatusSchema = z.enum(LINK_STATUSES);
export const linkOriginSchema = z.enum(LINK_ORIGINS);

/** What a link edit may change; at least one field. */
export const linkChangeSchema = z
  .strictObject({
    code: linkCodeSchema.optional(),
    label: linkLabelSchema.optional(),
    path: linkPathSchema.optional(),
    status: linkStatusSchema.optional(),
  })
  .refine((change) => Object.keys(change).length > 0, 'nothing to change');
export type LinkChange = z.output<typeof linkChangeSchema>;

/** A new link: in one of the partner's programs; without a code, one is made from its name. */
export const newLinkFields = {
  code: linkCodeSchema.optional(),
  label: linkLabelSchema.optional(),
  path: linkPathSchema.optional(),
};
