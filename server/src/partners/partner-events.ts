import type { Core } from '@strapi/strapi';
import type { PartnerEventPayload } from '../../../plugin/contracts/webhooks';
import { uid } from '../../../plugin/model';
import { afterCommit, emitEvent } from '../platform/events';
import type { RawRow } from '../platform/rows';

const ENROLLMENT = uid('enrollment');

const PARTNER_FIELDS = ['id', 'documentId', 'name', 'email', 'company', 'website', 'type', 'state'];
const PROGRAM_FIELDS = ['id', 'documentId', 'slug', 'name'];

/** The payload of `partners.partner.*`: contact and program, never notes or payout details. */
export const partnerEvent = (enrollment: RawRow): PartnerEventPayload => {
  const partner = enrollment.partner as RawRow;
  const program = enrollment.program as RawRow | null;
  return {
    partner: {
      id: Number(partner.id),
      documentId: String(partner.documentId),
      name: String(partner.name),
      email: String(partner.email),
      company: (partner.company as string | null) ?? null,
      website: (partner.website as string | null) ?? null,
      type: String(partner.type),
      status: String(partner.state),
    },
    enrollment: {
      id: Number(enrollment.id),
      documentId: String(enrollment.documentId),
      status: String(enrollment.state),
      program: program
        ? {
            id: Number(program.id),
            documentId: String(program.documentId),
            slug: String(program.slug),
            name: String(program.name),
          }
        : null,
    },
  };
};

/**
 * `partners.partner.applied` or `.approved` once per enrollment of `enrollmentIds`, with the
 * partner and enrollment as committed, after the current transaction commits.
 */
export const announceEnrollments = (
  strapi: Core.Strapi,
  event: 'partners.partner.applied' | 'partners.partner.approved',
  enrollmentIds: readonly number[]
) => {
  if (enrollmentIds.length === 0) return Promise.resolve();
  return afterCommit(strapi, async () => {
    const rows: RawRow[] = await strapi.db.query(ENROLLMENT).findMany({
      where: { id: { $in: [...enrollmentIds] } },
      populate: { partner: { select: PARTNER_FIELDS }, program: { select: PROGRAM_FIELDS } },
      orderBy: { id: 'asc' },
    });
    for (const row of rows) {
      if (row.partner) await emitEvent(strapi, event, partnerEvent(row));
    }
  });
};
