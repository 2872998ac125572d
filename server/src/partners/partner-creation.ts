import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  CreatePartnerInput,
  CreatePartnerResponse,
} from '../../../plugin/contracts/admin-partners';
import { uid } from '../../../plugin/model';
import { getService } from '../platform/plugin-context';
import type { PartnerRecord } from './partner-record';
import { createPartnerRepository } from './partner-repository';
import { conflict } from './status-errors';

const PARTNER = uid('partner');
const PROGRAM = uid('program');

interface ProgramRow {
  id: number;
  slug: string;
  name: string;
  state: string;
}

const badProgram = (index: number, message: string) =>
  new errors.ValidationError(`programs.${index}: ${message}`, {
    errors: [{ path: ['programs', String(index)], message }],
  });

/**
 * Partners added by hand in the admin (SPEC §9): an editor's partner, approved at once in the
 * programs it names, through the same approval as an application's
 * (`partner-applications.approveEnrollments`), then invited to the portal when asked.
 */
const createPartnerCreationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createPartnerRepository(strapi);

  const partnerWithEmail = (email: string) =>
    strapi.db
      .query(PARTNER)
      .findOne({ where: { email: { $eqi: email } }, select: ['documentId', 'name'] });

  const alreadyPartner = (existing: { documentId: string; name: string }) =>
    conflict(`A partner with this e-mail address already exists: ${existing.name}`, {
      reason: 'partner-exists',
      documentId: existing.documentId,
    });

  /** The named programs in the order given; archived or unknown ones are a 400. */
  const programsBySlug = async (slugs: string[]) => {
    const rows = (await strapi.db.query(PROGRAM).findMany({
      where: { slug: { $in: slugs } },
      select: ['id', 'slug', 'name', 'state'],
    })) as ProgramRow[];
    return slugs.map((slug, index) => {
      const program = rows.find((row) => row.slug === slug);
      if (!program) throw badProgram(index, `no program "${slug}"`);
      if (program.state === 'archived') throw badProgram(index, `"${slug}" is archived`);
      return program;
    });
  };

  return {
    async create(
      input: CreatePartnerInput,
      { invitedBy, origin }: { invitedBy: string; origin?: string }
    ): Promise<CreatePartnerResponse['data']> {
      const now = new Date();
      const programs = await programsBySlug(input.programs);
      const existing = await partnerWithEmail(input.email);
      if (existing) throw alreadyPartner(existing);

      const approval = getService('partner-applications', { strapi });
      let partner: PartnerRecord;
      try {
        partner = await strapi.db.transaction(async () => {
          // Created as an application and approved at once, like an open program's applicant.
          const created = await repository.createPartner({
            name: input.name,
            email: input.email,
            company: input.company,
            website: input.website,
            type: input.type,
            tier: input.tier,
            state: 'applied',
            referredBy: null,
          });
          const enrollmentIds: number[] = [];
          for (const program of programs) {
            const enrollment = await repository.createEnrollment({
              partnerId: created.id,
              programId: program.id,
              state: 'applied',
              applicationMessage: null,
              termsVersionAccepted: input.agreementVersion,
              acceptedAt: input.agreementVersion ? now : null,
            });
            enrollmentIds.push(enrollment.id);
          }
          await approval.approveEnrollments(created.id, enrollmentIds);
          return created;
        });
      } catch (error) {
        // Two editors adding one address at once: the unique index lets one through.
        const winner = await partnerWithEmail(input.email);
        if (winner) throw alreadyPartner(winner);
        throw error;
      }

      const added = {
        documentId: partner.documentId,
        name: partner.name,
        email: partner.email,
        status: 'approved' as const,
        enrollments: programs.length,
      };
      if (!input.invite) return { ...added, invitation: null };
      const invitation = await getService('invitations', { strapi }).issueLink({
        partnerId: partner.id,
        email: partner.email,
        invitedBy,
        partnerName: partner.name,
        programName: programs[0].name,
        origin,
      });
      return { ...added, invitation };
    },
  };
};

export type PartnerCreationService = ReturnType<typeof createPartnerCreationService>;
export default createPartnerCreationService;
