import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  MeResponse,
  PortalProfile,
  UpdateProfileRequest,
} from '../../../plugin/contracts/portal';
import { uid } from '../../../plugin/model';
import { recruitPath } from '../../../plugin/partners';
import { getPluginConfig } from '../platform/plugin-context';
import type { PortalPartner } from '../portal/is-partner';
import { createPortalScope, type ScopedProgram } from '../portal/scope';
import { createPartnerRepository, type PartnerEdit } from './partner-repository';

const LINK = uid('link');
const PARTNER = uid('partner');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Where the site is reached: `server.url` when absolute, else the request's own origin. */
export const publicBase = (strapi: Core.Strapi, requestOrigin: string) => {
  const serverUrl = String(strapi.config.get('server.url', '') ?? '');
  return (/^https?:\/\//.test(serverUrl) ? serverUrl : requestOrigin).replace(/\/$/, '');
};

/**
 * Recruiting (SPEC §8, two-tier programs): the portal's application page for the first active
 * two-tier program the partner is approved in and has a link in, with that link's code as the
 * recruit code (the application form sends it as `recruitCode`; the path is `recruitPath` of
 * the partner lifecycle). Null when it recruits nowhere.
 */
export const recruitUrlOf = async (
  strapi: Core.Strapi,
  base: string,
  partner: PortalPartner,
  programs: readonly ScopedProgram[]
) => {
  const candidates = programs.filter(
    (candidate) =>
      candidate.tierMode === 'two-tier' &&
      candidate.enrollmentState === 'approved' &&
      candidate.state === 'active'
  );
  if (candidates.length === 0) return null;
  const links = await strapi.db.query(LINK).findMany({
    where: {
      partner: { id: partner.id },
      program: { id: { $in: candidates.map((program) => program.id) } },
      disabledAt: { $null: true },
    },
    select: ['code'],
    populate: { program: { select: ['id'] } },
    orderBy: { id: 'asc' },
  });
  for (const program of candidates) {
    const link = links.find((candidate: Row) => candidate.program?.id === program.id);
    if (!link) continue;
    return `${base}${recruitPath(getPluginConfig({ strapi }).portal.path, program.slug, link.code)}`;
  }
  return null;
};

/** The signed-in partner's own profile and programs, as the portal shows them (SPEC §8). */
const createPartnerProfileService = ({ strapi }: { strapi: Core.Strapi }) => {
  const scope = createPortalScope(strapi);
  const repository = createPartnerRepository(strapi);

  const profileOf = async (partner: PortalPartner): Promise<PortalProfile> => {
    const row = await strapi.db.query(PARTNER).findOne({
      where: { id: partner.id },
      select: ['documentId', 'name', 'email', 'company', 'website', 'type', 'tier', 'state'],
    });
    if (!row) throw new errors.NotFoundError('No partner');
    return {
      documentId: row.documentId,
      name: row.name,
      email: row.email,
      company: row.company ?? null,
      website: row.website ?? null,
      type: row.type,
      tier: row.tier ?? null,
      status: row.state,
    };
  };

  return {
    /**
     * `PUT /portal/profile`: the signed-in partner changes its own contact name, company and
     * website; only the fields sent change. Editors see them on the partner's page.
     */
    async updateProfile(partner: PortalPartner, patch: UpdateProfileRequest['data']) {
      const fields = Object.fromEntries(
        Object.entries(patch).filter(([, value]) => value !== undefined)
      ) as PartnerEdit;
      await repository.updatePartner(partner.id, fields);
      return profileOf(partner);
    },

    async me(partner: PortalPartner, user: { email?: string }, requestOrigin: string) {
      const base = publicBase(strapi, requestOrigin);
      const programs = await scope.programs(partner);
      const portal = getPluginConfig({ strapi }).portal;
      const data: MeResponse['data'] = {
        partner: await profileOf(partner),
        user: { email: user.email ?? '' },
        programs: programs.map((program) => ({
          slug: program.slug,
          name: program.name,
          currency: program.currency,
          tierMode: program.tierMode,
          referralDetail: program.referralDetail,
          showDeclinedCharges: program.showDeclinedCharges,
          showPurchaseHistory: program.showPurchaseHistory,
          termsVersion: program.termsVersion,
          enrollmentStatus: program.enrollmentState,
        })),
        recruitUrl: await recruitUrlOf(strapi, base, partner, programs),
        portal: {
          title: portal.title,
          logoUrl: portal.logoUrl ?? null,
          primaryColor: portal.primaryColor,
        },
      };
      return data;
    },
  };
};

export type PartnerProfileService = ReturnType<typeof createPartnerProfileService>;
export default createPartnerProfileService;
