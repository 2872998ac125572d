import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Pagination, ProgramRef } from '../../../plugin/contracts/portal';
import type { EnrollmentStatus, ReferralDetail, TierMode } from '../../../plugin/model';
import { uid } from '../../../plugin/model';
import type { PortalPartner } from './is-partner';

const ENROLLMENT = uid('enrollment');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A program as the portal needs it, with the signed-in partner's enrollment state. */
export interface ScopedProgram extends ProgramRef {
  id: number;
  state: string;
  currency: string;
  tierMode: TierMode;
  landingUrl: string | null;
  referralDetail: ReferralDetail;
  showDeclinedCharges: boolean;
  showPurchaseHistory: boolean;
  termsVersion: string | null;
  enrollmentState: EnrollmentStatus;
}

export const PROGRAM_FIELDS = [
  'id',
  'slug',
  'name',
  'state',
  'currency',
  'tierMode',
  'landingUrl',
  'referralDetail',
  'showDeclinedCharges',
  'showPurchaseHistory',
  'termsVersion',
];

export const toProgramRef = (program: Row | null | undefined): ProgramRef | null =>
  program ? { slug: program.slug, name: program.name } : null;

export const privacyOf = (program: Row) => ({
  referralDetail: (program.referralDetail ?? 'none') as ReferralDetail,
  showPurchaseHistory: Boolean(program.showPurchaseHistory),
  showDeclinedCharges: Boolean(program.showDeclinedCharges),
});

/** `{ start, limit }` of a page, and its `meta.pagination`. */
export const paginate = (query: { page: number; pageSize: number }) => ({
  offset: (query.page - 1) * query.pageSize,
  limit: query.pageSize,
  meta: (total: number): { pagination: Pagination } => ({
    pagination: {
      page: query.page,
      pageSize: query.pageSize,
      pageCount: Math.ceil(total / query.pageSize),
      total,
    },
  }),
});

export { iso } from '../platform/rows';

/**
 * The programs of the signed-in partner (any enrollment state), and the one a `program=slug`
 * filter names. A slug the partner is not enrolled in is a 404, whoever else runs it: the
 * portal never widens past its partner.
 */
export const createPortalScope = (strapi: Core.Strapi) => {
  const programs = async (partner: PortalPartner): Promise<ScopedProgram[]> => {
    const enrollments = await strapi.db.query(ENROLLMENT).findMany({
      where: { partner: { id: partner.id } },
      select: ['id', 'state'],
      populate: { program: { select: PROGRAM_FIELDS } },
      orderBy: { id: 'asc' },
    });
    return enrollments
      .filter((enrollment: Row) => enrollment.program)
      .map((enrollment: Row) => ({
        id: enrollment.program.id,
        slug: enrollment.program.slug,
        name: enrollment.program.name,
        state: enrollment.program.state,
        currency: enrollment.program.currency,
        tierMode: enrollment.program.tierMode,
        landingUrl: enrollment.program.landingUrl ?? null,
        ...privacyOf(enrollment.program),
        termsVersion: enrollment.program.termsVersion ?? null,
        enrollmentState: enrollment.state,
      }));
  };

  const program = async (partner: PortalPartner, slug: string) => {
    const found = (await programs(partner)).find((candidate) => candidate.slug === slug);
    if (!found) throw new errors.NotFoundError('No such program');
    return found;
  };

  return {
    programs,
    program,
    /** A program filter: the program's id, or undefined without one. */
    async programFilter(partner: PortalPartner, slug: string | undefined) {
      return slug ? (await program(partner, slug)).id : undefined;
    },
    /** A program the partner may add leads and deals to: approved in it, and it is live. */
    async activeProgram(partner: PortalPartner, slug: string) {
      const found = await program(partner, slug);
      if (found.enrollmentState !== 'approved' || found.state !== 'active') {
        throw new errors.ForbiddenError(`You are not an approved partner of "${slug}"`);
      }
      return found;
    },
  };
};
