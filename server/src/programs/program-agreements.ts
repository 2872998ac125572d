import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { MediaFileView } from '../../../plugin/contracts/media';
import { uid } from '../../../plugin/model';
import { getService } from '../platform/plugin-context';

const PROGRAM = uid('program');

/**
 * The agreement files of a program's current terms version (media library). A partner that
 * accepts the terms keeps the files of that moment on its enrollment (partners/agreements.ts);
 * replacing the files here changes what the next partners accept, not what earlier ones did.
 */
const createProgramAgreementsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const idOf = async (documentId: string) => {
    const row = await strapi.db.query(PROGRAM).findOne({ where: { documentId }, select: ['id'] });
    if (!row) throw new errors.NotFoundError('program not found');
    return Number(row.id);
  };
  const agreements = () => getService('agreements', { strapi });

  return {
    async list(documentId: string): Promise<MediaFileView[]> {
      return agreements().programAgreements(await idOf(documentId));
    },

    /** `PUT /programs/:id/agreements`: the program's agreement files become exactly `fileIds`. */
    async set(documentId: string, fileIds: number[]): Promise<MediaFileView[]> {
      const id = await idOf(documentId);
      await getService('media-files', { strapi }).existing(fileIds);
      await agreements().refuseOthersFiles(fileIds, null);
      await strapi.db
        .query(PROGRAM)
        .update({ where: { id }, data: { agreementFiles: [...new Set(fileIds)] } });
      return agreements().programAgreements(id);
    },
  };
};

export type ProgramAgreementsService = ReturnType<typeof createProgramAgreementsService>;
export default createProgramAgreementsService;
