import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { LinkChange } from '../../../plugin/contracts/links';
import { uid, type LinkOrigin } from '../../../plugin/model';
import {
  checkLinkPath,
  codeFromName,
  nextFreeCode,
  normaliseReferralCode,
} from '../../../plugin/tracking';
import { conflict } from '../partners/status-errors';
import { isUniqueViolation, lockRow, withSavepoint } from '../platform/database';
import { idOf, type RawRow } from '../platform/rows';
import { LINK_POPULATE, toLinkRecord, type LinkRecord } from './link-record';

const LINK = uid('link');
const ENROLLMENT = uid('enrollment');
const PARTNER = uid('partner');
const PROGRAM = uid('program');

/** Generated codes taken by someone else at the same moment: try the next free one, a few times. */
const GENERATED_CODE_ATTEMPTS = 8;

export interface NewLink {
  partnerId: number;
  programId: number;
  /** Null or absent: made from the partner's name, unique with -2, -3… */
  code?: string | null;
  label?: string | null;
  path?: string | null;
  origin: LinkOrigin;
}

/** An approved enrollment's partner and program, as read with `LINK_POPULATE`. */
interface EnrolledPair {
  enrollmentId: number;
  partnerId: number | null;
  programId: number | null;
}

const toEnrolledPair = (row: RawRow): EnrolledPair => ({
  enrollmentId: Number(row.id),
  partnerId: idOf(row.partner),
  programId: idOf(row.program),
});

/** A partner's names, which a generated code is made from. */
interface PartnerNames {
  name: string | null;
  company: string | null;
}

const toPartnerNames = (row: RawRow): PartnerNames => ({
  name: (row.name as string | null | undefined) ?? null,
  company: (row.company as string | null | undefined) ?? null,
});

/** A program's landing page (`select: ['landingUrl']`), which link paths must stay on. */
const landingUrlOf = (row: RawRow): string | null =>
  (row.landingUrl as string | null | undefined) ?? null;

/** The columns an edit writes. */
interface LinkChanges {
  code?: string;
  label?: string | null;
  path?: string | null;
  disabledAt?: Date | null;
}

const codeTaken = (code: string) =>
  conflict(`The code "${code}" is already taken (codes ignore case); choose another`, {
    reason: 'code-taken',
    errors: [{ path: ['code'], message: 'already taken' }],
  });

const badPath = () =>
  new errors.ValidationError('path: must be a page on the program’s landing site', {
    errors: [{ path: ['path'], message: 'must be a page on the program’s landing site' }],
  });

/**
 * The only writer of `partners_links` (SPEC §4): links and codes made on approval, by editors
 * and by partners, their edits, and disabling. Codes are lower case (link-codes.ts) and unique by
 * the database's index: a code someone chose answers 409 when taken; a generated one moves on to
 * the next free `-2`, `-3`… Every write clears the redirect's link cache (watched-cache.ts).
 */
const createLinksService = ({ strapi }: { strapi: Core.Strapi }) => {
  const links = () => strapi.db.query(LINK);

  const insert = async (link: NewLink & { code: string }) =>
    toLinkRecord(
      await withSavepoint(strapi, () =>
        links().create({
          data: {
            code: link.code,
            partner: link.partnerId,
            program: link.programId,
            label: link.label ?? null,
            path: link.path ?? null,
            origin: link.origin,
            disabledAt: null,
          },
          populate: LINK_POPULATE,
        })
      )
    );

  /** Codes equal to `base` or `base-…`: the candidates a generated code must avoid. */
  const takenLike = async (base: string) =>
    (
      await links().findMany({
        where: { $or: [{ code: base }, { code: { $startsWith: `${base}-` } }] },
        select: ['code'],
      })
    ).map((row: RawRow) => String(row.code));

  const generatedCodeBase = async (partnerId: number) => {
    const row: RawRow | null = await strapi.db
      .query(PARTNER)
      .findOne({ where: { id: partnerId }, select: ['name', 'company'] });
    const partner = row ? toPartnerNames(row) : null;
    const fromName = codeFromName(partner?.name, partnerId);
    return fromName.startsWith('partner-') && partner?.company
      ? codeFromName(partner.company, partnerId)
      : fromName;
  };

  /** The stored form of a path, checked against the program's landing host. */
  const checkedPath = async (programId: number, path: string | null | undefined) => {
    if (!path) return path;
    const program: RawRow | null = await strapi.db
      .query(PROGRAM)
      .findOne({ where: { id: programId }, select: ['landingUrl'] });
    const checked = checkLinkPath(path, program ? landingUrlOf(program) : null);
    if (checked === null) throw badPath();
    return checked;
  };

  const create = async (link: NewLink): Promise<LinkRecord> => {
    const path = await checkedPath(link.programId, link.path);
    if (link.code) {
      const code = normaliseReferralCode(link.code);
      try {
        return await insert({ ...link, path, code });
      } catch (error) {
        if (isUniqueViolation(error)) throw codeTaken(code);
        throw error;
      }
    }
    const base = await generatedCodeBase(link.partnerId);
    for (let attempt = 1; ; attempt += 1) {
      const code = nextFreeCode(base, await takenLike(base));
      try {
        return await insert({ ...link, path, code });
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= GENERATED_CODE_ATTEMPTS) throw error;
      }
    }
  };

  /**
   * The partner's default link in the program, made when it has no link there at all (a link
   * it disabled still counts: disabling is not undone by a later approval). The enrollment's
   * row lock makes concurrent approvals take turns, so only one is made.
   */
  const ensureDefault = (enrollmentId: number, partnerId: number, programId: number) =>
    strapi.db.transaction(async () => {
      await lockRow(strapi, ENROLLMENT, enrollmentId);
      const existing = await links().count({
        where: { partner: { id: partnerId }, program: { id: programId } },
      });
      if (existing > 0) return null;
      return create({ partnerId, programId, origin: 'default' });
    });

  return {
    create,

    /** A link by documentId, only when it belongs to `partnerId` (when given). */
    async find(documentId: string, partnerId?: number): Promise<LinkRecord | null> {
      const row = await links().findOne({
        where: { documentId, ...(partnerId ? { partner: { id: partnerId } } : {}) },
        populate: LINK_POPULATE,
      });
      return row ? toLinkRecord(row) : null;
    },

    /** Changes code, label, path or status (`disabled` stamps `disabledAt`; `active` clears it). */
    async update(link: LinkRecord, change: LinkChange): Promise<LinkRecord> {
      const data: LinkChanges = {};
      if (change.code !== undefined && change.code !== link.code) data.code = change.code;
      if (change.label !== undefined) data.label = change.label;
      if (change.path !== undefined) {
        data.path = link.programId ? await checkedPath(link.programId, change.path) : change.path;
      }
      if (change.status === 'disabled' && !link.disabledAt) data.disabledAt = new Date();
      if (change.status === 'active' && link.disabledAt) data.disabledAt = null;
      if (Object.keys(data).length === 0) return link;
      try {
        const row = await withSavepoint(strapi, () =>
          links().update({ where: { id: link.id }, data, populate: LINK_POPULATE })
        );
        return toLinkRecord(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw codeTaken(String(data.code));
        throw error;
      }
    },

    /**
     * Enrollments that became approved get their partner's default link in their program
     * (partner-repository.ts calls this for every way an enrollment is approved).
     */
    async ensureDefaultLinks(enrollmentIds: readonly number[]) {
      if (enrollmentIds.length === 0) return;
      const rows: RawRow[] = await strapi.db.query(ENROLLMENT).findMany({
        where: { id: { $in: [...enrollmentIds] }, state: 'approved' },
        populate: LINK_POPULATE,
      });
      for (const { enrollmentId, partnerId, programId } of rows.map(toEnrolledPair)) {
        if (partnerId && programId) await ensureDefault(enrollmentId, partnerId, programId);
      }
    },

    /** A program became active: each approved enrollee without a link there gets its default. */
    async ensureDefaultLinksOfProgram(programId: number) {
      const [enrollments, linked]: [RawRow[], RawRow[]] = await Promise.all([
        strapi.db.query(ENROLLMENT).findMany({
          where: { program: { id: programId }, state: 'approved' },
          populate: { partner: { select: ['id'] } },
        }),
        links().findMany({
          where: { program: { id: programId } },
          populate: { partner: { select: ['id'] } },
          select: ['id'],
        }),
      ]);
      const withLink = new Set(linked.map((link) => idOf(link.partner)));
      for (const { enrollmentId, partnerId } of enrollments.map(toEnrolledPair)) {
        if (partnerId && !withLink.has(partnerId)) {
          await ensureDefault(enrollmentId, partnerId, programId);
        }
      }
    },
  };
};

export type LinksService = ReturnType<typeof createLinksService>;
export default createLinksService;
