import type { Core } from '@strapi/strapi';
import type { PortalAsset } from '../../../plugin/contracts/portal';
import { uid } from '../../../plugin/model';
import type { PortalPartner } from '../portal/is-partner';
import { relationRow, type RawRow } from '../platform/rows';
import { createPortalScope, toProgramRef } from '../portal/scope';
import { toAssetRecord } from './asset-record';

const ASSET = uid('asset');

/** The marketing assets a partner may use (SPEC §8). */
const createPartnerAssetsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const scope = createPortalScope(strapi);

  return {
    /** Marketing assets of the programs the partner is approved in. */
    async assets(partner: PortalPartner): Promise<PortalAsset[]> {
      const programIds = (await scope.programs(partner))
        .filter((program) => program.enrollmentState === 'approved')
        .map((program) => program.id);
      if (programIds.length === 0) return [];
      const rows: RawRow[] = await strapi.db.query(ASSET).findMany({
        where: { program: { id: { $in: programIds } } },
        select: ['documentId', 'title', 'description', 'type', 'url'],
        populate: { program: { select: ['slug', 'name'] }, file: { select: ['url'] } },
        orderBy: { id: 'asc' },
      });
      return rows.map((row) => {
        const asset = toAssetRecord(row);
        const file = relationRow(row.file);
        return {
          documentId: asset.documentId,
          title: asset.title,
          description: asset.description,
          type: asset.type,
          url: asset.url,
          fileUrl: file ? String(file.url) : null,
          program: toProgramRef(row.program) ?? { slug: '', name: '' },
        };
      });
    },
  };
};

export type PartnerAssetsService = ReturnType<typeof createPartnerAssetsService>;
export default createPartnerAssetsService;
