import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  ListPartnersQuery,
  ListReferralsQuery,
  Money,
  PartnerDetail,
  PartnerListItem,
  ReferralView,
  UpdatePartnerRequest,
} from '../../../plugin/contracts/admin';
import { COMMISSION_STATUSES, uid } from '../../../plugin/model';
import { NEWEST_FIRST, statusPartnerProgramIdsWhere } from '../platform/list-filters';
import { idOrNull, iso } from '../platform/rows';
import { PROGRAM_REF, programRef, programRefsById } from '../programs/program-ref';
import { PARTNER_REF, partnerRef, partnerRefsById } from './partner-ref';
import { tableOf, withKnex } from '../platform/database';
import { createPartnerRepository } from './partner-repository';

const PARTNER = uid('partner');
const ENROLLMENT = uid('enrollment');
const REFERRAL = uid('referral');
const COMMISSION = uid('commission');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const listItemOf = (row: Row): PartnerListItem => ({
  documentId: row.documentId,
  name: row.name,
  email: row.email,
  company: row.company ?? null,
  type: row.type ?? null,
  tier: row.tier ?? null,
  status: row.state,
  createdAt: iso(row.createdAt) as string,
  programs: (row.enrollments ?? [])
    .filter((enrollment: Row) => enrollment.program)
    .map((enrollment: Row) => ({ ...programRef(enrollment.program), status: enrollment.state })),
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
    const row = await partners().findOne({ where: { documentId }, select: ['id'] });
    if (!row) throw new errors.NotFoundError('partner not found');
    return Number(row.id);
  };

  /** Ledger sums by state and currency: one GROUP BY over the partner's entries. */
  const earningsOf = (partnerId: number) =>
    withKnex(strapi, async (knex) => {
      const rows: Row[] = await knex(`${tableOf(strapi, COMMISSION)} as c`)
        .where('c.partner_id', partnerId)
        .select({ state: 'c.state', currency: 'c.currency' })
        .sum({ amount: 'c.amount' })
        .groupBy('c.state', 'c.currency')
        .orderBy('c.currency');
      return Object.fromEntries(
        COMMISSION_STATUSES.map((status) => [
          status,
          rows
            .filter((row) => row.state === status)
            .map((row): Money => ({ amount: Number(row.amount), currency: row.currency })),
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
      const row = await partners().findOne({
        where: { id },
        populate: {
          referredBy: PARTNER_REF,
          enrollments: { populate: { program: PROGRAM_REF } },
          links: { populate: { program: PROGRAM_REF } },
        },
      });
      const payouts: Row[] = await strapi.db.query(uid('payout')).findMany({
        where: { partnerId: id },
        orderBy: NEWEST_FIRST,
        limit: 20,
      });
      const referrals = strapi.db.query(REFERRAL);
      return {
        ...listItemOf(row),
        website: row.website ?? null,
        notes: row.notes ?? null,
        directoryListing: Boolean(row.directoryListing),
        referredBy: partnerRef(row.referredBy),
        payoutMethod: row.payoutMethod?.type ? { type: row.payoutMethod.type } : null,
        enrollments: (row.enrollments ?? []).map((enrollment: Row) => ({
          documentId: enrollment.documentId,
          program: programRef(enrollment.program),
          status: enrollment.state,
          commissionOverride: enrollment.commissionOverride ?? null,
          termsVersionAccepted: enrollment.termsVersionAccepted ?? null,
          acceptedAt: iso(enrollment.acceptedAt),
          activatedAt: iso(enrollment.activatedAt),
          createdAt: iso(enrollment.createdAt) as string,
        })),
        links: (row.links ?? []).map((link: Row) => ({
          documentId: link.documentId,
          code: link.code,
          program: programRef(link.program),
          path: link.path ?? null,
          label: link.label ?? null,
        })),
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
        payouts: payouts.map((payout) => ({
          documentId: payout.documentId,
          amount: payout.amount,
          currency: payout.currency,
          status: payout.state,
          periodStart: payout.periodStart ?? null,
          periodEnd: payout.periodEnd ?? null,
          paidAt: iso(payout.paidAt),
        })),
      };
    },

    /** Edits the partner and, in the same transaction, the enrollments named (its own only). */
    async update(documentId: string, patch: UpdatePartnerRequest['data']) {
      const id = await stored(documentId);
      const { enrollments = [], ...fields } = patch;
      await strapi.db.transaction(async () => {
        for (const change of enrollments) {
          const enrollment = await strapi.db.query(ENROLLMENT).findOne({
            where: { documentId: change.documentId, partner: { id } },
            select: ['id'],
          });
          if (!enrollment)
            throw new errors.ValidationError(
              `enrollments: ${change.documentId} is not an enrollment of this partner`
            );
          const { documentId: _ignored, status, ...fields } = change;
          const data = status === undefined ? fields : { ...fields, state: status };
          if (Object.keys(data).length) await repository.updateEnrollment(enrollment.id, data);
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
      const partners = await partnerRefsById(
        strapi,
        results.map((row: Row) => idOrNull(row.partnerId))
      );
      const programs = await programRefsById(
        strapi,
        results.map((row: Row) => idOrNull(row.programId))
      );
      return {
        results: results.map((row: Row): ReferralView => ({
          documentId: row.documentId,
          partner: partners.get(Number(row.partnerId)) ?? null,
          program: programs.get(Number(row.programId)) ?? null,
          source: row.source ?? null,
          email: row.email ?? null,
          firstName: row.firstName ?? null,
          lastName: row.lastName ?? null,
          externalId: row.externalId ?? null,
          status: row.state,
          signedUpAt: iso(row.signedUpAt),
          convertedAt: iso(row.convertedAt),
          churnedAt: iso(row.churnedAt),
          qualifiedAt: iso(row.qualifiedAt),
          createdAt: iso(row.createdAt) as string,
        })),
        pagination,
      };
    },
  };
};

export type PartnerDirectoryService = ReturnType<typeof createPartnerDirectoryService>;
export default createPartnerDirectoryService;
