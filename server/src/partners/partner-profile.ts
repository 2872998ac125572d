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
import { idOf, type RawRow } from '../platform/rows';
import { PARTNER_PROFILE, toPartnerProfile } from './partner-record';
import { createPartnerRepository, type PartnerEdit } from './partner-repository';

const LINK = uid('link');
const PARTNER = uid('partner');

/** A live link of the partner: its code and its program's id (what `recruitUrlOf` reads). */
interface RecruitLink {
  code: string;
  programId: number | null;
}

const toRecruitLink = (row: RawRow): RecruitLink => ({
  code: String(row.code),
  programId: idOf(row.program),
});

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
  const rows: RawRow[] = await strapi.db.query(LINK).findMany({
    where: {
      partner: { id: partner.id },
      program: { id: { $in: candidates.map((program) => program.id) } },
      disabledAt: { $null: true },
    },
    select: ['code'],
    populate: { program: { select: ['id'] } },
    orderBy: { id: 'asc' },
  });
  const links = rows.map(toRecruitLink);
  for (const program of candidates) {
    const link = links.find((candidate) => candidate.programId === program.id);
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
    const row: RawRow | null = await strapi.db.query(PARTNER).findOne({
      where: { id: partner.id },
      select: PARTNER_PROFILE,
    });
    if (!row) throw new errors.NotFoundError('No partner');
    const { documentId, name, email, company, website, type, tier, state } = toPartnerProfile(row);
    return { documentId, name, email, company, website, type, tier, status: state };
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
