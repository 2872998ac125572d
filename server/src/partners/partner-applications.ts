import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  ApplicationInput,
  ApplicationPage,
  ApplicationView,
  ListApplicationsQuery,
} from '../../../plugin/contracts/partners';
import {
  uid,
  type ApplicationMode,
  type PartnerStatus,
  type PartnerType,
  type ProgramStatus,
  type TierMode,
} from '../../../plugin/model';
import { decideApplication } from '../../../plugin/partners';
import { conflict } from './status-errors';
import { getService } from '../platform/plugin-context';
import { idOf, iso, type RawRow, relationRow, relationRows, textOrNull } from '../platform/rows';
import { toEnrollmentRecord } from './enrollment-record';
import { announceEnrollments } from './partner-events';
import { PARTNER_IDENTITY, toPartnerIdentity, type PartnerRecord } from './partner-record';
import { partnerRef } from './partner-ref';
import { createPartnerRepository } from './partner-repository';

const PROGRAM = uid('program');
const PARTNER = uid('partner');
const ENROLLMENT = uid('enrollment');
const LINK = uid('link');

/** A program as an application reads it: the fields `PROGRAM_FIELDS` selects. */
interface ApplicationProgram {
  id: number;
  slug: string;
  name: string;
  state: ProgramStatus;
  applicationMode: ApplicationMode;
  startsAt: string | null;
  endsAt: string | null;
  terms: string | null;
  termsVersion: string | null;
  landingUrl: string | null;
  tierMode: TierMode;
}

const PROGRAM_FIELDS = [
  'id',
  'slug',
  'name',
  'state',
  'applicationMode',
  'startsAt',
  'endsAt',
  'terms',
  'termsVersion',
  'landingUrl',
  'tierMode',
];

const toApplicationProgram = (row: RawRow): ApplicationProgram => ({
  id: Number(row.id),
  slug: String(row.slug),
  name: String(row.name),
  state: row.state as ProgramStatus,
  applicationMode: row.applicationMode as ApplicationMode,
  startsAt: iso(row.startsAt),
  endsAt: iso(row.endsAt),
  terms: textOrNull(row.terms),
  termsVersion: textOrNull(row.termsVersion),
  landingUrl: textOrNull(row.landingUrl),
  tierMode: row.tierMode as TierMode,
});

/** A program an enrollment belongs to, populated with `id` and `name`. */
interface ProgramName {
  id: number;
  name: string;
}

/** An enrollment of a partner and its program: what `enrollmentsOf` reads. */
interface PartnerEnrollment {
  id: number;
  program: ProgramName | null;
}

const toPartnerEnrollment = (row: RawRow): PartnerEnrollment => {
  const program = relationRow(row.program);
  return {
    id: Number(row.id),
    program: program ? { id: Number(program.id), name: String(program.name) } : null,
  };
};

const noProgram = () =>
  new errors.ValidationError('program: no program takes applications under this name', {
    errors: [{ path: ['program'], message: 'no program takes applications under this name' }],
  });

const alreadyPartner = () =>
  conflict(
    'A partner account already exists for this e-mail address: log into the partner portal, or contact the program team',
    { reason: 'partner-exists' }
  );

/** An application: an enrollment with its partner (and recruiter) and program populated. */
const toApplicationView = (row: RawRow): ApplicationView => {
  const enrollment = toEnrollmentRecord(row);
  const partner = relationRow(row.partner) ?? {};
  const program = relationRow(row.program);
  return {
    documentId: String(partner.documentId),
    enrollmentDocumentId: enrollment.documentId,
    name: String(partner.name),
    email: String(partner.email),
    company: textOrNull(partner.company),
    website: textOrNull(partner.website),
    type: partner.type as PartnerType,
    partnerStatus: partner.state as PartnerStatus,
    enrollmentStatus: enrollment.state,
    program: program ? { slug: String(program.slug), name: String(program.name) } : null,
    message: enrollment.applicationMessage,
    referredBy: partnerRef(partner.referredBy),
    createdAt: enrollment.createdAt,
  };
};

/** Applications to programs and the editors' decisions on them (SPEC §8). */
const createPartnerApplicationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const partners = () => strapi.db.query(PARTNER);
  const enrollments = () => strapi.db.query(ENROLLMENT);
  const repository = createPartnerRepository(strapi);
  const notifications = () => getService('notifications', { strapi });

  const programBySlug = async (slug: string) => {
    const row: RawRow | null = await strapi.db
      .query(PROGRAM)
      .findOne({ where: { slug }, select: PROGRAM_FIELDS });
    return row ? toApplicationProgram(row) : null;
  };

  /**
   * The recruiter a `recruitCode` names: the owner of that link, approved and enrolled in this
   * same two-tier program. Anything else is ignored: a stale or foreign code must not cost the
   * applicant its application, and it must not make anyone a recruiter.
   */
  const recruiterOf = async (code: string | undefined, program: ApplicationProgram) => {
    if (!code || program.tierMode !== 'two-tier') return null;
    const link: RawRow | null = await strapi.db.query(LINK).findOne({
      where: { code, program: { id: program.id }, disabledAt: { $null: true } },
      populate: { partner: { select: ['id', 'state'] } },
    });
    const recruiter = relationRow(link?.partner);
    const recruiterId = idOf(recruiter);
    if (recruiter?.state !== 'approved' || recruiterId === null) return null;
    const enrolled = await enrollments().count({
      where: { partner: { id: recruiterId }, program: { id: program.id }, state: 'approved' },
    });
    return enrolled > 0 ? recruiterId : null;
  };

  const partnerByDocumentId = async (documentId: string) => {
    const partner: RawRow | null = await partners().findOne({
      where: { documentId },
      select: PARTNER_IDENTITY,
    });
    if (!partner) throw new errors.NotFoundError('No partner has this id');
    return toPartnerIdentity(partner);
  };

  /**
   * The one way a partner and its enrollments become approved: an editor's approval, an open
   * program's application and a partner added by hand all come here, so whatever approval
   * brings applies to each of them. Runs in the caller's transaction when there is one.
   */
  const approveEnrollments = (partnerId: number, enrollmentIds: readonly number[]) =>
    strapi.db.transaction(async () => {
      await repository.setPartnerState(partnerId, 'approved');
      await repository.setEnrollmentStates(enrollmentIds, 'approved');
    });

  /** Ids of a partner's enrollments in the given states, with their programs. */
  const enrollmentsOf = async (partnerId: number, statuses: string[]) => {
    const rows: RawRow[] = await enrollments().findMany({
      where: { partner: { id: partnerId }, state: { $in: statuses } },
      populate: { program: { select: ['id', 'name'] } },
      orderBy: { id: 'asc' },
    });
    return rows.map(toPartnerEnrollment);
  };

  return {
    /** `GET /programs/:slug/application`; invite-only programs answer too, to say so. */
    async applicationPage(slug: string): Promise<ApplicationPage> {
      const program = await programBySlug(slug);
      if (!program || program.state !== 'active') {
        throw new errors.NotFoundError('No program takes applications under this name');
      }
      return {
        slug: program.slug,
        name: program.name,
        applicationMode: program.applicationMode,
        terms: program.terms ?? null,
        termsVersion: program.termsVersion ?? null,
        landingUrl: program.landingUrl ?? null,
      };
    },

    /**
     * `POST /applications`: a new partner and its enrollment, `approved` at once in an open
     * program (and invited to the portal), `applied` in an approval program (and told so).
     * An address that already has a partner account gets 409: joining another program is done
     * by an editor, since an anonymous form cannot prove who owns the address.
     */
    async apply(input: ApplicationInput) {
      const now = new Date();
      const program = await programBySlug(input.program);
      if (!program) throw noProgram();
      const decision = decideApplication(program, now);
      if (decision.outcome === 'refused') {
        if (decision.reason === 'invite-only') {
          throw new errors.ForbiddenError('This program takes partners by invitation only');
        }
        throw noProgram();
      }
      if (program.termsVersion && input.termsVersion !== program.termsVersion) {
        throw new errors.ValidationError(
          'termsVersion: the program terms changed; read and accept the current version',
          { errors: [{ path: ['termsVersion'], message: 'the program terms changed' }] }
        );
      }
      const exists = () =>
        partners().findOne({ where: { email: { $eqi: input.email } }, select: ['id'] });
      if (await exists()) throw alreadyPartner();
      const referredBy = await recruiterOf(input.recruitCode, program);
      const state = decision.outcome;

      let partner: PartnerRecord;
      try {
        partner = await strapi.db.transaction(async () => {
          const created = await repository.createPartner({
            name: input.name,
            email: input.email,
            company: input.company ?? null,
            website: input.website ?? null,
            type: input.type ?? 'affiliate',
            state: 'applied',
            referredBy,
          });
          const enrollment = await repository.createEnrollment({
            partnerId: created.id,
            programId: program.id,
            state: 'applied',
            applicationMessage: input.message ?? null,
            termsVersionAccepted: program.termsVersion ?? null,
            acceptedAt: now,
          });
          // Scheduled before the approval's own event, so a receiver hears "applied" first.
          await announceEnrollments(strapi, 'partners.partner.applied', [enrollment.id]);
          if (state === 'approved') await approveEnrollments(created.id, [enrollment.id]);
          return created;
        });
      } catch (error) {
        // Two applications with one address at once: the unique index lets one through.
        if (await exists()) throw alreadyPartner();
        throw error;
      }

      if (state === 'approved') {
        await getService('invitations', { strapi }).issue({
          partnerId: partner.id,
          email: partner.email,
          invitedBy: 'application',
          partnerName: partner.name,
          programName: program.name,
        });
      } else {
        await notifications().applicationReceived(partner.id, program.id);
      }
      return { status: state };
    },

    /** `GET /applications`: enrollments by status (applied by default), newest first. */
    async list(query: ListApplicationsQuery) {
      const where: RawRow = { state: query.status };
      if (query.program) where.program = { slug: query.program };
      const { results, pagination } = await enrollments().findPage({
        where,
        page: query.page,
        pageSize: query.pageSize,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        populate: {
          partner: {
            select: ['documentId', 'name', 'email', 'company', 'website', 'type', 'state'],
            populate: { referredBy: { select: ['documentId', 'name'] } },
          },
          program: { select: ['slug', 'name'] },
        },
      });
      return { results: results.map(toApplicationView), pagination };
    },

    /**
     * Approves a partner and its applied (or earlier rejected) enrollments, then invites it to
     * the portal, or tells it when it already has a login. Answers what the e-mail did and,
     * when an invitation was issued, its link (on `server.url`, else on `origin`).
     */
    async approve(documentId: string, invitedBy: string, origin?: string) {
      const partner = await partnerByDocumentId(documentId);
      const pending = await enrollmentsOf(partner.id, ['applied', 'rejected']);
      if (partner.state === 'approved' && pending.length === 0) {
        throw conflict('This partner is already approved', { reason: 'already-approved' });
      }
      await approveEnrollments(
        partner.id,
        pending.map(({ id }) => id)
      );
      const program = pending[0]?.program ?? null;
      const logins: RawRow | null = await strapi.db.query(PARTNER).findOne({
        where: { id: partner.id },
        populate: { users: { select: ['id'] } },
      });
      const decided = {
        documentId: partner.documentId,
        status: 'approved' as const,
        enrollments: pending.length,
      };
      if (relationRows(logins?.users).length && program) {
        const delivery = await notifications().applicationApproved(partner.id, program.id);
        return { ...decided, ...delivery, invitation: null };
      }
      const { mailed, mailError, ...invitation } = await getService('invitations', {
        strapi,
      }).issueLink({
        partnerId: partner.id,
        email: partner.email,
        invitedBy,
        partnerName: partner.name,
        programName: program?.name ?? null,
        origin,
      });
      return { ...decided, mailed, mailError, invitation };
    },

    /** Rejects an applicant and its applied enrollments; the reason goes into the e-mail. */
    async reject(documentId: string, reason: string) {
      const partner = await partnerByDocumentId(documentId);
      if (partner.state !== 'applied') {
        throw conflict('Only applications can be rejected; revoke the portal access instead', {
          reason: 'not-an-application',
        });
      }
      const pending = await enrollmentsOf(partner.id, ['applied']);
      await strapi.db.transaction(async () => {
        await repository.setPartnerState(partner.id, 'rejected');
        await repository.setEnrollmentStates(
          pending.map(({ id }) => id),
          'rejected'
        );
      });
      const program = pending[0]?.program;
      const delivery = program
        ? await notifications().applicationRejected(partner.id, program.id, reason)
        : { mailed: false, mailError: 'no program to write about' };
      return {
        documentId: partner.documentId,
        status: 'rejected' as const,
        enrollments: pending.length,
        ...delivery,
        invitation: null,
      };
    },

    approveEnrollments,
    partnerByDocumentId,
  };
};

export type PartnerApplicationsService = ReturnType<typeof createPartnerApplicationsService>;
export default createPartnerApplicationsService;
