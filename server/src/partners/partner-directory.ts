import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  ListPartnersQuery,
  ListReferralsQuery,
  Money,
  PartnerDetail,
  PartnerListItem,
  PartnerRef,
  ProgramRef,
  ReferralView,
  UpdatePartnerRequest,
} from '../../../plugin/contracts/admin';
import { COMMISSION_STATUSES, uid, type EnrollmentStatus } from '../../../plugin/model';
import { NEWEST_FIRST, statusPartnerProgramIdsWhere } from '../platform/list-filters';
import { idOrNull, iso, type RawRow, relationRows, textOrNull } from '../platform/rows';
import { PROGRAM_REF, programRefsById, programRefOf } from '../programs/program-ref';
import { toReferralRecord } from '../attribution/referral-record';
import { toEnrollmentRecord } from './enrollment-record';
import { toPartnerRecord } from './partner-record';
import { PARTNER_REF, partnerRef, partnerRefsById } from './partner-ref';
import { tableOf, withKnex } from '../platform/database';
import { createPartnerRepository } from './partner-repository';

const PARTNER = uid('partner');
const ENROLLMENT = uid('enrollment');
const REFERRAL = uid('referral');
const COMMISSION = uid('commission');

/** A partner row (no `select`) with its enrollments (state) and their programs populated. */
const listItemOf = (row: RawRow): PartnerListItem => {
  const partner = toPartnerRecord(row);
  return {
    documentId: partner.documentId,
    name: partner.name,
    email: partner.email,
    company: partner.company,
    type: partner.type ?? null,
    tier: partner.tier,
    status: partner.state,
    createdAt: partner.createdAt,
    programs: relationRows(row.enrollments).flatMap((enrollment) => {
      const program = programRefOf(enrollment.program);
      return program ? [{ ...program, status: enrollment.state as EnrollmentStatus }] : [];
    }),
  };
};

/** A populated enrollment (no `select`) with its program, as the detail page lists it. */
const enrollmentViewOf = (row: RawRow) => {
  const enrollment = toEnrollmentRecord(row);
  return {
    documentId: enrollment.documentId,
    program: programRefOf(row.program),
    status: enrollment.state,
    commissionOverride: enrollment.commissionOverride,
    termsVersionAccepted: enrollment.termsVersionAccepted,
    acceptedAt: enrollment.acceptedAt,
    activatedAt: enrollment.activatedAt,
    createdAt: enrollment.createdAt,
  };
};

/** A populated link of the partner with its program. */
const linkViewOf = (row: RawRow) => ({
  documentId: String(row.documentId),
  code: String(row.code),
  program: programRefOf(row.program),
  path: textOrNull(row.path),
  label: textOrNull(row.label),
});

/** One of the partner's latest payouts (a whole payout row). */
const payoutSummaryOf = (row: RawRow) => ({
  documentId: String(row.documentId),
  amount: Number(row.amount),
  currency: String(row.currency),
  status: String(row.state),
  periodStart: textOrNull(row.periodStart),
  periodEnd: textOrNull(row.periodEnd),
  paidAt: iso(row.paidAt),
});

/** A whole referral row, its partner and program named from `partnerRefsById`/`programRefsById`. */
const referralViewOf = (
  row: RawRow,
  partner: PartnerRef | null,
  program: ProgramRef | null
): ReferralView => {
  const referral = toReferralRecord(row);
  return {
    documentId: referral.documentId,
    partner,
    program,
    source: referral.source,
    email: referral.email,
    firstName: referral.firstName,
    lastName: referral.lastName,
    externalId: referral.externalId,
    status: referral.state,
    signedUpAt: referral.signedUpAt,
    convertedAt: referral.convertedAt,
    churnedAt: referral.churnedAt,
    qualifiedAt: referral.qualifiedAt,
    createdAt: referral.createdAt,
  };
};

/** A row of the earnings GROUP BY: one state and currency, and its sum. */
interface EarningsSum {
  state: string;
  currency: string;
  amount: number;
}

const toEarningsSum = (row: RawRow): EarningsSum => ({
  state: String(row.state),
  currency: String(row.currency),
  amount: Number(row.amount),
});

const enrollmentsPopulate = {
  enrollments: { select: ['documentId', 'state'], populate: { program: PROGRAM_REF } },
};

/**
 * The partner directory of the admin (SPEC §9): lists, the detail page (enrollments, links,
 * counts, earnings by status, payouts) and edits. Applying, approving and inviting live in the
 * partners service.
 */
const createPartnerDirectoryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const partners = () => strapi.db.query(PARTNER);
  const repository = createPartnerRepository(strapi);

  const stored = async (documentId: string) => {
    const row: RawRow | null = await partners().findOne({ where: { documentId }, select: ['id'] });
    if (!row) throw new errors.NotFoundError('partner not found');
    return Number(row.id);
  };

  /** Ledger sums by state and currency: one GROUP BY over the partner's entries. */
  const earningsOf = (partnerId: number) =>
    withKnex(strapi, async (knex) => {
      const rows: RawRow[] = await knex(`${tableOf(strapi, COMMISSION)} as c`)
        .where('c.partner_id', partnerId)
        .select({ state: 'c.state', currency: 'c.currency' })
        .sum({ amount: 'c.amount' })
        .groupBy('c.state', 'c.currency')
        .orderBy('c.currency');
      const sums = rows.map(toEarningsSum);
      return Object.fromEntries(
        COMMISSION_STATUSES.map((status) => [
          status,
          sums
            .filter((sum) => sum.state === status)
            .map((sum): Money => ({ amount: sum.amount, currency: sum.currency })),
        ])
      ) as PartnerDetail['earnings'];
    });

  return {
    async list(query: ListPartnersQuery) {
      const { results, pagination } = await partners().findPage({
        where: {
          ...(query.status ? { state: query.status } : {}),
          ...(query.tier ? { tier: query.tier } : {}),
          ...(query.type ? { type: query.type } : {}),
          ...(query.program ? { enrollments: { program: { slug: query.program } } } : {}),
          ...(query.q
            ? {
                $or: [
                  { name: { $containsi: query.q } },
                  { email: { $containsi: query.q } },
                  { company: { $containsi: query.q } },
                ],
              }
            : {}),
        },
        orderBy: NEWEST_FIRST,
        page: query.page,
        pageSize: query.pageSize,
        populate: enrollmentsPopulate,
      });
      return { results: results.map(listItemOf), pagination };
    },

    async get(documentId: string): Promise<PartnerDetail> {
      const id = await stored(documentId);
      const row: RawRow | null = await partners().findOne({
        where: { id },
        populate: {
          referredBy: PARTNER_REF,
          enrollments: { populate: { program: PROGRAM_REF } },
          links: { populate: { program: PROGRAM_REF } },
        },
      });
      if (!row) throw new errors.NotFoundError('partner not found');
      const partner = toPartnerRecord(row);
      const payouts: RawRow[] = await strapi.db.query(uid('payout')).findMany({
        where: { partnerId: id },
        orderBy: NEWEST_FIRST,
        limit: 20,
      });
      const referrals = strapi.db.query(REFERRAL);
      return {
        ...listItemOf(row),
        website: partner.website,
        notes: partner.notes,
        directoryListing: partner.directoryListing,
        referredBy: partnerRef(row.referredBy),
        payoutMethod: partner.payoutMethod?.type ? { type: partner.payoutMethod.type } : null,
        enrollments: relationRows(row.enrollments).map(enrollmentViewOf),
        links: relationRows(row.links).map(linkViewOf),
        counts: {
          clicks: await strapi.db
            .query(uid('click'))
            .count({ where: { partnerId: id, isBot: false } }),
          referrals: await referrals.count({ where: { partnerId: id } }),
          customers: await referrals.count({ where: { partnerId: id, state: 'customer' } }),
          recruits: await partners().count({
            where: { referredBy: { id }, state: 'approved' },
          }),
        },
        earnings: await earningsOf(id),
        payouts: payouts.map(payoutSummaryOf),
      };
    },

    /** Edits the partner and, in the same transaction, the enrollments named (its own only). */
    async update(documentId: string, patch: UpdatePartnerRequest['data']) {
      const id = await stored(documentId);
      const { enrollments = [], ...fields } = patch;
      await strapi.db.transaction(async () => {
        for (const change of enrollments) {
          const enrollment: RawRow | null = await strapi.db.query(ENROLLMENT).findOne({
            where: { documentId: change.documentId, partner: { id } },
            select: ['id'],
          });
          if (!enrollment)
            throw new errors.ValidationError(
              `enrollments: ${change.documentId} is not an enrollment of this partner`
            );
          const { documentId: _ignored, status, ...fields } = change;
          const data = status === undefined ? fields : { ...fields, state: status };
          if (Object.keys(data).length) {
            await repository.updateEnrollment(Number(enrollment.id), data);
          }
        }
        if (Object.keys(fields).length) await repository.updatePartner(id, fields);
      });
      return this.get(documentId);
    },

    async referrals(query: ListReferralsQuery) {
      const { results, pagination } = await strapi.db.query(REFERRAL).findPage({
        where: await statusPartnerProgramIdsWhere(strapi, query),
        orderBy: NEWEST_FIRST,
        page: query.page,
        pageSize: query.pageSize,
      });
      const rows: RawRow[] = results;
      const partners = await partnerRefsById(
        strapi,
        rows.map((row) => idOrNull(row.partnerId))
      );
      const programs = await programRefsById(
        strapi,
        rows.map((row) => idOrNull(row.programId))
      );
      return {
        results: rows.map((row) =>
          referralViewOf(
            row,
            partners.get(Number(row.partnerId)) ?? null,
            programs.get(Number(row.programId)) ?? null
          )
        ),
        pagination,
      };
    },
  };
};

export type PartnerDirectoryService = ReturnType<typeof createPartnerDirectoryService>;
export default createPartnerDirectoryService;
