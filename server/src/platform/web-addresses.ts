import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { uid } from '../../../plugin/model';
import { isWebAddress } from '../../../plugin/tracking/is-web-address';

/** The stored links editors and partners set, by content type (SPEC §11: http(s) only). */
const WEB_ADDRESS_FIELDS: Record<string, string[]> = {
  [uid('asset')]: ['url'],
  [uid('program')]: ['landingUrl'],
  [uid('partner')]: ['website'],
};
const WRITES = ['Create', 'CreateMany', 'Update', 'UpdateMany'] as const;

const refuseOtherSchemes = (fields: string[], data: unknown) => {
  for (const row of Array.isArray(data) ? data : [data]) {
    if (!row || typeof row !== 'object') continue;
    for (const field of fields) {
      const value = (row as Record<string, unknown>)[field];
      if (value === null || value === undefined || value === '') continue;
      if (typeof value !== 'string' || !isWebAddress(value)) {
        throw new errors.ValidationError(`${field}: must be an http(s) URL`, {
          errors: [{ path: [field], message: 'must be an http(s) URL' }],
        });
      }
    }
  }
};

/**
 * Every write of those fields, whoever makes it (the plugin's APIs validate too, but host code,
 * seeds and the Document Service reach the table without them): a `javascript:` or `data:` URL
 * is refused before it is stored. Called from register().
 */
export const registerWebAddressGuard = (strapi: Core.Strapi) => {
  strapi.db.lifecycles.subscribe({
    models: Object.keys(WEB_ADDRESS_FIELDS),
    ...Object.fromEntries(
      WRITES.map((event) => [
        `before${event}`,
        ({ model, params }: { model: { uid: string }; params: { data?: unknown } }) =>
          refuseOtherSchemes(WEB_ADDRESS_FIELDS[model.uid] ?? [], params.data),
      ])
    ),
  });
};
