import { relationRow, textOrNull } from '../platform/rows';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Pagination, ProgramRef } from '../../../plugin/contracts/portal';
import type {
  EnrollmentStatus,
  ProgramStatus,
  ReferralDetail,
  TierMode,
} from '../../../plugin/model';
import { uid } from '../../../plugin/model';
import type { RawRow } from '../platform/rows';
import type { PortalPartner } from './is-partner';

const ENROLLMENT = uid('enrollment');

/** A program as the portal needs it, with the signed-in partner's enrollment state. */
export interface ScopedProgram extends ProgramRef {
  id: number;
  state: ProgramStatus;
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

/** A populated program (slug and name selected) as the portal names it, or null when empty. */
export const toProgramRef = (relation: unknown): ProgramRef | null => {
  const program = relationRow(relation);
  return program ? { slug: String(program.slug), name: String(program.name) } : null;
};

export const privacyOf = (program: RawRow) => ({
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

/** An enrollment (state) with its program selected as `PROGRAM_FIELDS`; null without one. */
const toScopedProgram = (enrollment: RawRow): ScopedProgram | null => {
  const program = relationRow(enrollment.program);
  if (!program) return null;
  return {
    id: Number(program.id),
    slug: String(program.slug),
    name: String(program.name),
    state: program.state as ProgramStatus,
    currency: String(program.currency),
    tierMode: program.tierMode as TierMode,
    landingUrl: textOrNull(program.landingUrl),
    ...privacyOf(program),
    termsVersion: textOrNull(program.termsVersion),
    enrollmentState: enrollment.state as EnrollmentStatus,
  };
};

/**
 * The programs of the signed-in partner (any enrollment state), and the one a `program=slug`
 * filter names. A slug the partner is not enrolled in is a 404, whoever else runs it: the
 * portal never widens past its partner.
 */
export const createPortalScope = (strapi: Core.Strapi) => {
  const programs = async (partner: PortalPartner): Promise<ScopedProgram[]> => {
    const enrollments: RawRow[] = await strapi.db.query(ENROLLMENT).findMany({
      where: { partner: { id: partner.id } },
      select: ['id', 'state'],
      populate: { program: { select: PROGRAM_FIELDS } },
      orderBy: { id: 'asc' },
    });
    return enrollments.flatMap((enrollment) => toScopedProgram(enrollment) ?? []);
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
