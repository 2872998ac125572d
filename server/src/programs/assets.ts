import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  AssetView,
  ProgramRef,
  CreateAssetRequest,
  ListAssetsQuery,
  UpdateAssetRequest,
} from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { getService } from '../platform/plugin-context';
import { relationRow, type RawRow } from '../platform/rows';
import { toAssetRecord, type AssetRecord } from './asset-record';
import { PROGRAM_REF, programRefOf } from './program-ref';

const ASSET = uid('asset');

const populate = { program: PROGRAM_REF, file: { select: ['id', 'name', 'url', 'mime'] } };

/** An asset's media file, as `populate` selects it. */
type AssetFile = NonNullable<AssetView['file']>;

/** An asset with what `populate` adds: its program's ref and its file. */
interface PopulatedAsset extends AssetRecord {
  program: ProgramRef | null;
  file: AssetFile | null;
}

const toPopulatedAsset = (row: RawRow): PopulatedAsset => {
  const file = relationRow(row.file);
  return {
    ...toAssetRecord(row),
    program: programRefOf(row.program),
    file: file && {
      id: Number(file.id),
      name: String(file.name),
      url: String(file.url),
      mime: (file.mime as string | null | undefined) ?? null,
    },
  };
};

const viewOf = (asset: PopulatedAsset): AssetView => ({
  documentId: asset.documentId,
  program: asset.program,
  title: asset.title,
  description: asset.description,
  type: asset.type,
  file: asset.file,
  url: asset.url,
  createdAt: asset.createdAt as string,
});

/** Marketing assets partners see in the portal (SPEC §4, §8): banners, logos, copy, guides. */
const createAssetsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const assets = () => strapi.db.query(ASSET);

  /** documentId of a program → its id; a media id must exist in the media library. */
  const relations = async (data: Partial<NonNullable<CreateAssetRequest['data']>>) => {
    const out: { program?: number | null } = {};
    if (data.program !== undefined) {
      if (data.program === null) out.program = null;
      else {
        const program: RawRow | null = await strapi.db
          .query(uid('program'))
          .findOne({ where: { documentId: data.program }, select: ['id'] });
        if (!program) throw new errors.ValidationError('program: no such program');
        out.program = Number(program.id);
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
      const found: RawRow[] = results;
      return { results: found.map((row) => viewOf(toPopulatedAsset(row))), pagination };
    },

    async create(data: NonNullable<CreateAssetRequest['data']>) {
      const row = await assets().create({ data: { ...data, ...(await relations(data)) } });
      return viewOf(toPopulatedAsset(await assets().findOne({ where: { id: row.id }, populate })));
    },

    async update(documentId: string, data: UpdateAssetRequest['data']) {
      const id = await stored(documentId);
      await assets().update({ where: { id }, data: { ...data, ...(await relations(data)) } });
      return viewOf(toPopulatedAsset(await assets().findOne({ where: { id }, populate })));
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
