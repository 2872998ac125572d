import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  BuildLinkRequest,
  CreateLinkRequest,
  LinksResponse,
  PortalLink,
} from '../../../plugin/contracts/portal';
import type { AdminLinkView } from '../../../plugin/contracts/admin';
import type { LinkChange } from '../../../plugin/contracts/links';
import { uid } from '../../../plugin/model';
import {
  buildDeepLink,
  checkPartnerAddsLink,
  checkPartnerEditsLink,
  type LinkRefusal,
  type PartnerLinkRules,
} from '../../../plugin/tracking';
import { getService } from '../platform/plugin-context';
import type { RawRow } from '../platform/rows';
import type { PortalPartner } from '../portal/is-partner';
import { createLinkViews } from './link-views';

const LINK = uid('link');
const ENROLLMENT = uid('enrollment');

/** A program the partner is approved in, with its link rules (the `populate` of `approvedPrograms`). */
interface ApprovedProgram {
  id: number;
  slug: string;
  name: string;
  rules: PartnerLinkRules;
}

const toApprovedProgram = (row: RawRow): ApprovedProgram => ({
  id: Number(row.id),
  slug: String(row.slug),
  name: String(row.name),
  rules: {
    partnerLinkLimit: Number(row.partnerLinkLimit ?? 10),
    vanityCodes: Boolean(row.vanityCodes),
  },
});

/** A link as a deep link is built on it (`select: ['code', 'disabledAt']`, its landing page). */
interface DeepLinkBase {
  code: string;
  disabled: boolean;
  landingUrl: string | null;
}

const toDeepLinkBase = (row: RawRow): DeepLinkBase => {
  const program = row.program as RawRow | null | undefined;
  return {
    code: String(row.code),
    disabled: Boolean(row.disabledAt),
    landingUrl: (program?.landingUrl as string | null | undefined) ?? null,
  };
};

const toPortalLink = (view: AdminLinkView): PortalLink => ({
  documentId: view.documentId,
  code: view.code,
  label: view.label,
  path: view.path,
  program: { slug: view.program?.slug ?? '', name: view.program?.name ?? '' },
  url: view.url,
  clicks: view.clicks,
  status: view.status,
  origin: view.origin,
});

/**
 * 403 with the program's reason: a PolicyError, because Strapi hides the message of any other
 * ForbiddenError thrown past its authorization step.
 */
const refused = (refusal: LinkRefusal) =>
  new errors.PolicyError(refusal.message, { reason: refusal.reason });

const noLink = () => new errors.NotFoundError('No such link');

/**
 * A partner's own tracking links (SPEC §8): the list with its programs' link rules, deep links
 * on them, and the links the partner adds and edits within those rules (plugin/tracking
 * decides; links.ts writes). Another partner's link is a 404.
 */
const createPartnerLinksService = ({ strapi }: { strapi: Core.Strapi }) => {
  const views = createLinkViews(strapi);
  const writer = () => getService('links', { strapi });

  /** The programs the partner is approved in, with their link rules. */
  const approvedPrograms = async (partnerId: number) => {
    const enrollments: RawRow[] = await strapi.db.query(ENROLLMENT).findMany({
      where: { partner: { id: partnerId }, state: 'approved' },
      populate: {
        program: { select: ['id', 'slug', 'name', 'partnerLinkLimit', 'vanityCodes'] },
      },
      orderBy: { id: 'asc' },
    });
    return enrollments.flatMap((enrollment) =>
      enrollment.program ? [toApprovedProgram(enrollment.program as RawRow)] : []
    );
  };

  const linksIn = (partnerId: number, programId: number) =>
    strapi.db
      .query(LINK)
      .count({ where: { partner: { id: partnerId }, program: { id: programId } } });

  const programOfLink = async (partnerId: number, programId: number | null) =>
    (await approvedPrograms(partnerId)).find((program) => program.id === programId);

  return {
    /** The partner's links (short URLs, human clicks) and its programs' link rules. */
    async links(partner: PortalPartner, requestOrigin: string): Promise<LinksResponse> {
      const [all, programs] = await Promise.all([
        views.ofPartner(partner.id, requestOrigin),
        approvedPrograms(partner.id),
      ]);
      const data = all.filter((view) => view.program).map(toPortalLink);
      const counts = new Map<string, number>();
      for (const link of data) {
        counts.set(link.program.slug, (counts.get(link.program.slug) ?? 0) + 1);
      }
      return {
        data,
        meta: {
          programs: programs.map((program) => ({
            slug: program.slug,
            name: program.name,
            ...program.rules,
            links: counts.get(program.slug) ?? 0,
          })),
        },
      };
    },

    /** `POST /links`: a link in a program the partner is approved in, within its rules. */
    async addLink(
      partner: PortalPartner,
      input: CreateLinkRequest['data'],
      requestOrigin: string
    ): Promise<PortalLink> {
      const program = (await approvedPrograms(partner.id)).find(
        (candidate) => candidate.slug === input.program
      );
      if (!program) throw new errors.NotFoundError('You are not approved in this program');
      const refusal = checkPartnerAddsLink(
        program.rules,
        await linksIn(partner.id, program.id),
        Boolean(input.code)
      );
      if (refusal) throw refused(refusal);
      const link = await writer().create({
        partnerId: partner.id,
        programId: program.id,
        code: input.code ?? null,
        label: input.label ?? null,
        path: input.path ?? null,
        origin: 'partner',
      });
      return toPortalLink(await views.one(link, requestOrigin));
    },

    /** `PUT /links/:id`: one of the partner's links, within its program's rules. */
    async editLink(
      partner: PortalPartner,
      documentId: string,
      change: LinkChange,
      requestOrigin: string
    ): Promise<PortalLink> {
      const link = await writer().find(documentId, partner.id);
      if (!link) throw noLink();
      const program = await programOfLink(partner.id, link.programId);
      if (!program) throw noLink();
      const effective = change.code === link.code ? { ...change, code: undefined } : change;
      const refusal = checkPartnerEditsLink(program.rules, link, effective);
      if (refusal) throw refused(refusal);
      const saved = await writer().update(link, effective);
      return toPortalLink(await views.one(saved, requestOrigin));
    },

    /** A deep link on the landing host of one of the partner's own links (another's is a 404). */
    async buildLink(partner: PortalPartner, input: BuildLinkRequest['data']) {
      const row: RawRow | null = await strapi.db.query(LINK).findOne({
        where: { documentId: input.link, partner: { id: partner.id } },
        select: ['code', 'disabledAt'],
        populate: { program: { select: ['landingUrl'] } },
      });
      if (!row) throw noLink();
      const link = toDeepLinkBase(row);
      if (link.disabled) {
        throw new errors.ValidationError('link: this link is disabled and attributes nothing', {
          errors: [{ path: ['link'], message: 'disabled' }],
        });
      }
      const url = buildDeepLink({
        landingUrl: link.landingUrl,
        to: input.to,
        code: link.code,
      });
      if (!url) {
        throw new errors.ValidationError('to: must be a page on the program’s landing site', {
          errors: [{ path: ['to'], message: 'must be a page on the program’s landing site' }],
        });
      }
      return { url };
    },
  };
};

export type PartnerLinksService = ReturnType<typeof createPartnerLinksService>;
export default createPartnerLinksService;
