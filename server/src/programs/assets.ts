import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  AssetView,
  CreateAssetRequest,
  ListAssetsQuery,
  UpdateAssetRequest,
} from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { getService } from '../platform/plugin-context';
import { iso } from '../platform/rows';
import { PROGRAM_REF, programRef } from './program-ref';

const ASSET = uid('asset');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const viewOf = (row: Row): AssetView => ({
  documentId: row.documentId,
  program: programRef(row.program),
  title: row.title,
  description: row.description ?? null,
  type: row.type,
  file: row.file
    ? { id: row.file.id, name: row.file.name, url: row.file.url, mime: row.file.mime ?? null }
    : null,
  url: row.url ?? null,
  createdAt: iso(row.createdAt) as string,
});

const populate = { program: PROGRAM_REF, file: { select: ['id', 'name', 'url', 'mime'] } };

/** Marketing assets partners see in the portal (SPEC §4, §8): banners, logos, copy, guides. */
const createAssetsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const assets = () => strapi.db.query(ASSET);

  /** documentId of a program → its id; a media id must exist in the media library. */
  const relations = async (data: Partial<NonNullable<CreateAssetRequest['data']>>) => {
    const out: Row = {};
    if (data.program !== undefined) {
      if (data.program === null) out.program = null;
      else {
        const program = await strapi.db
          .query(uid('program'))
          .findOne({ where: { documentId: data.program }, select: ['id'] });
        if (!program) throw new errors.ValidationError('program: no such program');
        out.program = program.id;
      }
    }
    if (data.file !== undefined && data.file !== null) {
      const file = await strapi.db
        .query('plugin::upload.file')
        .findOne({ where: { id: data.file }, select: ['id'] });
      if (!file) throw new errors.ValidationError('file: no such file in the media library');
      await getService('agreements', { strapi }).refuseOthersFiles([data.file], null);
    }
    return out;
  };

  const stored = async (documentId: string) => {
    const row = await assets().findOne({ where: { documentId }, select: ['id'] });
    if (!row) throw new errors.NotFoundError('asset not found');
    return Number(row.id);
  };

  return {
    async list(query: ListAssetsQuery) {
      const { results, pagination } = await assets().findPage({
        where: {
          ...(query.type ? { type: query.type } : {}),
          ...(query.program ? { program: { slug: query.program } } : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        page: query.page,
        pageSize: query.pageSize,
        populate,
      });
      return { results: results.map(viewOf), pagination };
    },

    async create(data: NonNullable<CreateAssetRequest['data']>) {
      const row = await assets().create({ data: { ...data, ...(await relations(data)) } });
      return viewOf(await assets().findOne({ where: { id: row.id }, populate }));
    },

    async update(documentId: string, data: UpdateAssetRequest['data']) {
      const id = await stored(documentId);
      await assets().update({ where: { id }, data: { ...data, ...(await relations(data)) } });
      return viewOf(await assets().findOne({ where: { id }, populate }));
    },

    async remove(documentId: string) {
      const id = await stored(documentId);
      await assets().delete({ where: { id } });
      return { documentId };
    },
  };
};

export type AssetsService = ReturnType<typeof createAssetsService>;
export default createAssetsService;
