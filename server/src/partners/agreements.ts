import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { MediaFileView, PortalAgreements } from '../../../plugin/contracts/media';
import { uid } from '../../../plugin/model';
import {
  FILE_SELECT,
  fileIdsOf,
  inUploadOrder,
  mediaFileView,
  portalFileView,
} from '../platform/media-files';
import { getService } from '../platform/plugin-context';
import { iso, type RawRow } from '../platform/rows';
import type { PortalPartner } from '../portal/is-partner';
import { toProgramRef } from '../portal/scope';
import { createPartnerRepository } from './partner-repository';

const PARTNER = uid('partner');
const ENROLLMENT = uid('enrollment');
const DEAL = uid('deal');
const PROGRAM = uid('program');
const files = { select: FILE_SELECT, orderBy: { id: 'asc' } } as const;

/**
 * Agreements (SPEC §9, issue 15): files attached to a partner by an editor, and the program
 * agreements a partner accepted with the terms (kept on its enrollment when it accepts, so a
 * later change of the program's files does not change what it accepted). A partner downloads
 * only files of its own: its agreements, what it accepted and its deals' attachments.
 */
const createAgreementsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createPartnerRepository(strapi);
  const media = () => getService('media-files', { strapi });

  /**
   * Files that belong to one partner (its agreements, its deals' attachments) cannot be given
   * to another partner or to a program: 400, nothing changes.
   */
  const refuseOthersFiles = async (fileIds: readonly number[], partnerId: number | null) => {
    if (fileIds.length === 0) return;
    const ids = [...fileIds];
    const [deals, partners] = await Promise.all([
      strapi.db.query(DEAL).count({ where: { attachments: { id: { $in: ids } } } }),
      strapi.db.query(PARTNER).count({
        where: {
          agreements: { id: { $in: ids } },
          ...(partnerId !== null ? { id: { $ne: partnerId } } : {}),
        },
      }),
    ]);
    if (deals > 0 || partners > 0) {
      throw new errors.ValidationError(
        'files: a file attached to another partner or to a deal registration cannot be used here'
      );
    }
  };

  const partnerFiles = async (partnerId: number) => {
    const row = await strapi.db
      .query(PARTNER)
      .findOne({ where: { id: partnerId }, select: ['id'], populate: { agreements: files } });
    return (row?.agreements ?? []) as RawRow[];
  };

  return {
    refuseOthersFiles,

    async partnerAgreements(documentId: string): Promise<MediaFileView[]> {
      const row = await strapi.db.query(PARTNER).findOne({ where: { documentId }, select: ['id'] });
      if (!row) throw new errors.NotFoundError('partner not found');
      return (await partnerFiles(Number(row.id))).map(mediaFileView);
    },

    /** `PUT /partners/:id/agreements`: the partner's agreements become exactly `fileIds`. */
    async setPartnerAgreements(documentId: string, fileIds: number[]): Promise<MediaFileView[]> {
      const row = await strapi.db.query(PARTNER).findOne({ where: { documentId }, select: ['id'] });
      if (!row) throw new errors.NotFoundError('partner not found');
      const partnerId = Number(row.id);
      await media().existing(fileIds);
      await refuseOthersFiles(fileIds, partnerId);
      await repository.setAgreements(partnerId, [...new Set(fileIds)]);
      return (await partnerFiles(partnerId)).map(mediaFileView);
    },

    /** `GET /portal/agreements`: what the partner accepted per program, and its agreements. */
    async forPartner(partner: PortalPartner): Promise<PortalAgreements> {
      const enrollments: RawRow[] = await strapi.db.query(ENROLLMENT).findMany({
        where: { partner: { id: partner.id }, acceptedAt: { $notNull: true } },
        select: ['termsVersionAccepted', 'acceptedAt'],
        populate: { program: { select: ['slug', 'name'] }, acceptedAgreements: files },
        orderBy: { id: 'asc' },
      });
      return {
        programs: enrollments
          .filter((enrollment) => enrollment.program)
          .map((enrollment) => ({
            program: toProgramRef(enrollment.program as RawRow)!,
            termsVersionAccepted: (enrollment.termsVersionAccepted as string | null) ?? null,
            acceptedAt: iso(enrollment.acceptedAt),
            files: inUploadOrder(enrollment.acceptedAgreements).map(portalFileView),
          })),
        partner: (await partnerFiles(partner.id)).map(portalFileView),
      };
    },

    /**
     * Whether the partner may download the file: one of its agreements, an agreement it
     * accepted, or an attachment of one of its deals. Anything else is "no such file".
     */
    async assertDownloadable(partner: PortalPartner, fileId: number) {
      const mine = { id: { $eq: fileId } };
      const [asPartner, accepted, attached] = await Promise.all([
        strapi.db.query(PARTNER).count({ where: { id: partner.id, agreements: mine } }),
        strapi.db
          .query(ENROLLMENT)
          .count({ where: { partner: { id: partner.id }, acceptedAgreements: mine } }),
        strapi.db.query(DEAL).count({ where: { partner: { id: partner.id }, attachments: mine } }),
      ]);
      if (asPartner + accepted + attached === 0) throw new errors.NotFoundError('No such file');
    },

    /** The agreement files of a program, as the admin sees them. */
    async programAgreements(programId: number): Promise<MediaFileView[]> {
      const row = await strapi.db
        .query(PROGRAM)
        .findOne({ where: { id: programId }, select: ['id'], populate: { agreementFiles: files } });
      return fileIdsOf(row?.agreementFiles).length
        ? inUploadOrder(row.agreementFiles).map(mediaFileView)
        : [];
    },
  };
};

export type AgreementsService = ReturnType<typeof createAgreementsService>;
export default createAgreementsService;
