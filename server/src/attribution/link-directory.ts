import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { AdminLinkView, CreateAdminLinkRequest } from '../../../plugin/contracts/admin';
import type { LinkChange } from '../../../plugin/contracts/links';
import { uid } from '../../../plugin/model';
import { getService } from '../platform/plugin-context';
import { idOf, type RawRow } from '../platform/rows';
import { createLinkViews } from './link-views';

const PARTNER = uid('partner');
const ENROLLMENT = uid('enrollment');

/**
 * Any partner's links for editors (SPEC §9, "Manage partners"): list, add in one of the
 * partner's programs, edit code, label and path, disable and enable. links.ts writes.
 */
const createLinkDirectoryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const views = createLinkViews(strapi);
  const writer = () => getService('links', { strapi });

  const partnerId = async (documentId: string) => {
    const partner: RawRow | null = await strapi.db
      .query(PARTNER)
      .findOne({ where: { documentId }, select: ['id'] });
    if (!partner) throw new errors.NotFoundError('No partner has this id');
    return Number(partner.id);
  };

  return {
    async list(partnerDocumentId: string, requestOrigin: string): Promise<AdminLinkView[]> {
      return views.ofPartner(await partnerId(partnerDocumentId), requestOrigin);
    },

    /** A link in a program the partner is enrolled in (any state); the code is made when absent. */
    async add(
      partnerDocumentId: string,
      input: CreateAdminLinkRequest['data'],
      requestOrigin: string
    ): Promise<AdminLinkView> {
      const id = await partnerId(partnerDocumentId);
      const enrollment: RawRow | null = await strapi.db.query(ENROLLMENT).findOne({
        where: { partner: { id }, program: { slug: input.program } },
        populate: { program: { select: ['id'] } },
      });
      const programId = idOf(enrollment?.program);
      if (programId === null) {
        throw new errors.ValidationError('program: the partner is not in this program', {
          errors: [{ path: ['program'], message: 'the partner is not in this program' }],
        });
      }
      const link = await writer().create({
        partnerId: id,
        programId,
        code: input.code ?? null,
        label: input.label ?? null,
        path: input.path ?? null,
        origin: 'admin',
      });
      return views.one(link, requestOrigin);
    },

    async edit(documentId: string, change: LinkChange, requestOrigin: string) {
      const link = await writer().find(documentId);
      if (!link) throw new errors.NotFoundError('No link has this id');
      return views.one(await writer().update(link, change), requestOrigin);
    },
  };
};

export type LinkDirectoryService = ReturnType<typeof createLinkDirectoryService>;
export default createLinkDirectoryService;
