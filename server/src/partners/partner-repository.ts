import type { Core } from '@strapi/strapi';
import type { PayoutMethod } from '../../../plugin/contracts/payouts';
import type { Rate } from '../../../plugin/contracts/rules';
import type { PortalSighting } from '../../../plugin/fraud';
import { uid } from '../../../plugin/model';
import type { EnrollmentStatus, PartnerStatus, PartnerType } from '../../../plugin/model';
import { getService } from '../platform/plugin-context';
import { announceEnrollments } from './partner-events';
import type { RawRow } from '../platform/rows';
import { toEnrollmentRecord, type EnrollmentRecord } from './enrollment-record';
import { toPartnerRecord, type PartnerRecord } from './partner-record';

const PARTNER = uid('partner');
const ENROLLMENT = uid('enrollment');
const PROGRAM = uid('program');

export interface NewPartner {
  name: string;
  email: string;
  company: string | null;
  website: string | null;
  type: PartnerType;
  tier?: string | null;
  state: PartnerStatus;
  referredBy: number | null;
}

/** The fields an editor changes on a partner (the directory's edit form), or the partner's own profile. */
export interface PartnerEdit {
  name?: string;
  tier?: string | null;
  type?: PartnerType;
  notes?: string | null;
  company?: string | null;
  website?: string | null;
  directoryListing?: boolean;
}

export interface NewEnrollment {
  partnerId: number;
  programId: number;
  state: EnrollmentStatus;
  applicationMessage: string | null;
  termsVersionAccepted: string | null;
  acceptedAt: Date | null;
}

export interface EnrollmentEdit {
  commissionOverride?: Rate | null;
  state?: EnrollmentStatus;
}

/** What `partner.payoutMethod` holds: the method, plus the sealed bank numbers for a bank. */
export type StoredPayoutMethod = PayoutMethod & { sealed?: string };

/**
 * The only writer of `partners_partners` and `partners_enrollments` (SPEC §3: one writer per
 * table), including the partner's relation to its logins. Applications, invitations, teams, the
 * directory and the account call it; each method runs inside the caller's transaction if any.
 */
export const createPartnerRepository = (strapi: Core.Strapi) => {
  const partners = () => strapi.db.query(PARTNER);
  const enrollments = () => strapi.db.query(ENROLLMENT);
  /**
   * Every way an enrollment becomes approved passes here: the partner gets its default link, and
   * the enrollments that were not approved before are announced after the commit.
   */
  const approved = async (ids: readonly number[], newlyApproved: readonly number[]) => {
    await getService('links', { strapi }).ensureDefaultLinks(ids);
    await announceEnrollments(strapi, 'partners.partner.approved', newlyApproved);
  };
  /** Of `ids`, the enrollments not approved yet. */
  const notApproved = async (ids: readonly number[]): Promise<number[]> => {
    const rows: RawRow[] = await enrollments().findMany({
      where: { id: { $in: [...ids] }, state: { $ne: 'approved' } },
      select: ['id'],
    });
    return rows.map((row) => Number(row.id));
  };

  /**
   * The program's agreement files when the accepted version is its current one: what the
   * partner accepted is kept on the enrollment, whatever the program's files become later.
   */
  const acceptedFiles = async (programId: number, version: string | null): Promise<number[]> => {
    const program = await strapi.db.query(PROGRAM).findOne({
      where: { id: programId },
      select: ['termsVersion'],
      populate: { agreementFiles: { select: ['id'] } },
    });
    if (!program || (program.termsVersion ?? null) !== version) return [];
    return ((program.agreementFiles ?? []) as RawRow[]).map((file) => Number(file.id));
  };

  return {
    /** A new partner (the unique e-mail index refuses a second one with the same address). */
    async createPartner(partner: NewPartner): Promise<PartnerRecord> {
      return toPartnerRecord(await partners().create({ data: partner }));
    },

    async updatePartner(partnerId: number, fields: PartnerEdit) {
      await partners().update({ where: { id: partnerId }, data: fields });
    },

    async setPartnerState(partnerId: number, state: PartnerStatus) {
      await partners().update({ where: { id: partnerId }, data: { state } });
    },

    /** The partner's agreements (media-library files) become exactly `fileIds`. */
    async setAgreements(partnerId: number, fileIds: number[]) {
      await partners().update({ where: { id: partnerId }, data: { agreements: fileIds } });
    },

    async setPayoutMethod(partnerId: number, method: StoredPayoutMethod) {
      await partners().update({ where: { id: partnerId }, data: { payoutMethod: method } });
    },

    /**
     * Where the partner used the portal (plugin/fraud portal-sightings). Written around the
     * query engine: a portal visit changes nothing the redirect's link cache or the engine's
     * partner cache hold, so it must not clear them on every node (their lifecycles would).
     */
    async setPortalSightings(partnerId: number, sightings: readonly PortalSighting[]) {
      const meta = strapi.db.metadata.get(PARTNER);
      const column =
        (meta.attributes.portalSightings as { columnName?: string }).columnName ??
        'portal_sightings';
      await strapi.db
        .connection(meta.tableName)
        .where({ id: partnerId })
        .update({ [column]: JSON.stringify(sightings) });
    },

    /** Makes a users-permissions login one of the partner's logins. */
    async addLogin(partnerId: number, userId: number) {
      await partners().update({ where: { id: partnerId }, data: { users: { connect: [userId] } } });
    },

    async removeLogin(partnerId: number, userId: number) {
      await partners().update({
        where: { id: partnerId },
        data: { users: { disconnect: [userId] } },
      });
    },

    async createEnrollment(enrollment: NewEnrollment): Promise<EnrollmentRecord> {
      const { partnerId, programId, ...fields } = enrollment;
      const accepted = fields.acceptedAt
        ? await acceptedFiles(programId, fields.termsVersionAccepted)
        : [];
      const row = await enrollments().create({
        data: {
          ...fields,
          partner: partnerId,
          program: programId,
          ...(accepted.length ? { acceptedAgreements: accepted } : {}),
        },
      });
      if (fields.state === 'approved') await approved([row.id], [row.id]);
      return toEnrollmentRecord(row);
    },

    async updateEnrollment(enrollmentId: number, fields: EnrollmentEdit) {
      const approving = fields.state === 'approved' ? await notApproved([enrollmentId]) : [];
      await enrollments().update({ where: { id: enrollmentId }, data: fields });
      if (fields.state === 'approved') await approved([enrollmentId], approving);
    },

    async setEnrollmentStates(enrollmentIds: readonly number[], state: EnrollmentStatus) {
      if (enrollmentIds.length === 0) return;
      const approving = state === 'approved' ? await notApproved(enrollmentIds) : [];
      await enrollments().updateMany({
        where: { id: { $in: [...enrollmentIds] } },
        data: { state },
      });
      if (state === 'approved') await approved(enrollmentIds, approving);
    },

    /** Records that the partner accepted the current terms of every program it is approved in. */
    async acceptTerms(partnerId: number, acceptedAt: Date) {
      const approved: RawRow[] = await enrollments().findMany({
        where: { partner: { id: partnerId }, state: 'approved' },
        populate: { program: { select: ['id', 'termsVersion'] } },
      });
      for (const enrollment of approved) {
        const program = enrollment.program as { id: number; termsVersion?: string | null } | null;
        const version = program?.termsVersion ?? null;
        await enrollments().update({
          where: { id: enrollment.id },
          data: {
            termsVersionAccepted: version,
            acceptedAt,
            acceptedAgreements: program ? await acceptedFiles(program.id, version) : [],
          },
        });
      }
    },
  };
};

export type PartnerRepository = ReturnType<typeof createPartnerRepository>;
