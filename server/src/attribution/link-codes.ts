import type { Core } from '@strapi/strapi';
import { uid } from '../../../plugin/model';
import { normaliseReferralCode } from '../../../plugin/tracking';
import { isUniqueViolation, tableOf } from '../platform/database';

const LINK = uid('link');
const WRITES = ['Create', 'CreateMany', 'Update', 'UpdateMany'] as const;

/** Lower-cases the `code` of link data about to be written (one row, or each of many). */
const normaliseCodes = (data: unknown) => {
  for (const row of Array.isArray(data) ? data : [data]) {
    const entry = row as { code?: unknown } | null;
    if (entry && typeof entry.code === 'string') entry.code = normaliseReferralCode(entry.code);
  }
};

/**
 * Link codes are case-insensitive (SPEC §4): every write stores them in lower case, so lookups
 * stay a plain indexed equality and the unique index on `code` is case-insensitive in effect on
 * every database. Called from register().
 */
export const registerLinkCodes = (strapi: Core.Strapi) => {
  // Before the Document Service validates, so its uniqueness check compares the stored form
  // (the Content Manager answers "must be unique" rather than a database error).
  strapi.documents.use(async (context, next) => {
    if (context.uid === LINK && (context.action === 'create' || context.action === 'update')) {
      normaliseCodes((context.params as { data?: unknown }).data);
    }
    return next();
  });
  // Every other writer: the plugin's own queries, seeds, host code using db.query.
  strapi.db.lifecycles.subscribe({
    models: [LINK],
    ...Object.fromEntries(
      WRITES.map((event) => [
        `before${event}`,
        ({ params }: { params: { data?: unknown } }) => normaliseCodes(params.data),
      ])
    ),
  });
};

/**
 * Codes stored in capitals before writes were normalised (an older install, raw SQL): lowered
 * at each start, so they match again. A code whose lower-case form another link already has
 * stays as it is, with a warning: one of the two must be renamed by hand.
 */
export const lowerStoredLinkCodes = async (strapi: Core.Strapi) => {
  // MySQL's default collations compare case-insensitively; compare the bytes there.
  const differs =
    strapi.db.dialect.client === 'mysql'
      ? 'CAST(code AS BINARY) <> CAST(LOWER(code) AS BINARY)'
      : 'code <> LOWER(code)';
  const rows: { id: number; code: string }[] = await strapi.db
    .connection(tableOf(strapi, LINK))
    .whereRaw(differs)
    .select('id', 'code');
  let lowered = 0;
  for (const { id, code } of rows) {
    const lower = normaliseReferralCode(code);
    if (lower === code) continue;
    try {
      await strapi.db.query(LINK).update({ where: { id }, data: { code: lower } });
      lowered += 1;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      strapi.log.warn(
        `[partners] the link code "${code}" cannot become "${lower}": another link has it; rename one of them`
      );
    }
  }
  if (lowered > 0)
    strapi.log.info(
      `[partners] ${lowered} link ${lowered === 1 ? 'code' : 'codes'} stored in capitals lowered`
    );
};
