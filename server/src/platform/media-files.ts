import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { MediaFileView, PortalFile } from '../../../plugin/contracts/media';
import { checkFile, type FileUse } from '../../../plugin/media/file-rules';
import type { RawRow } from './rows';

const FILE = 'plugin::upload.file';
const HEAD_BYTES = 4100;

/** A file of a multipart request as koa-body (formidable) hands it over. */
export interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
  detectedMimeType?: string;
}

/** The first bytes of an uploaded file, which decide what it is. */
export const readHead = async (filepath: string) => {
  const handle = await open(filepath, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return new Uint8Array(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
};

export const FILE_SELECT = ['id', 'name', 'mime', 'size', 'url'];

export const mediaFileView = (row: RawRow): MediaFileView => ({
  id: Number(row.id),
  name: String(row.name),
  mime: (row.mime as string | null) ?? null,
  sizeBytes: row.size == null ? null : Math.round(Number(row.size) * 1000),
  url: (row.url as string | null) ?? null,
});

/**
 * A populated media list in upload order (by id): the media relation's own order is not kept
 * the same way on every database.
 */
export const inUploadOrder = (rows: unknown): RawRow[] =>
  [...((rows ?? []) as RawRow[])].sort((a, b) => Number(a.id) - Number(b.id));

/** A partner's view of a file: no media-library URL, the portal's download route instead. */
export const portalFileView = (row: RawRow): PortalFile => {
  const { url: _url, ...file } = mediaFileView(row);
  return { ...file, downloadPath: `/api/partners/portal/files/${file.id}` };
};

/** The ids of a populated media relation (`[{ id }]`). */
export const fileIdsOf = (files: unknown): number[] =>
  Array.isArray(files) ? files.map((file: RawRow) => Number(file.id)) : [];

/**
 * The plugin's files in Strapi's media library: uploads are checked by `plugin/media/file-rules`
 * (type from the content, size) before the upload plugin's service stores them, and partners'
 * downloads are streamed by the portal after it checked the file is theirs.
 */
const createMediaFilesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const upload = () => strapi.plugin('upload').service('upload');
  const discard = async (ids: readonly number[]) => {
    for (const id of ids) {
      const file = await strapi.db.query(FILE).findOne({ where: { id } });
      if (file) await upload().remove(file);
    }
  };

  return {
    /** The files of a multipart request's `files` field; 400 when there are none. */
    incoming(ctx: Context): IncomingFile[] {
      const files = (ctx.request as unknown as { files?: Record<string, unknown> }).files?.files;
      const list = (Array.isArray(files) ? files : files ? [files] : []) as IncomingFile[];
      if (list.length === 0) {
        throw new errors.ValidationError(
          'files: attach at least one file (multipart field "files")'
        );
      }
      return list;
    },

    /**
     * Checks every file first (nothing is stored when one is refused), then stores them through
     * the upload plugin; answers the stored rows.
     */
    async store(use: FileUse, files: IncomingFile[]): Promise<MediaFileView[]> {
      const refused: string[] = [];
      for (const file of files) {
        const verdict = checkFile(use, {
          name: file.originalFilename ?? '',
          size: file.size,
          head: await readHead(file.filepath),
        });
        if (verdict.ok) {
          file.mimetype = verdict.mime;
          file.detectedMimeType = verdict.mime;
        } else refused.push(verdict.reason);
      }
      if (refused.length > 0) {
        throw new errors.ValidationError(refused.join('; '), {
          errors: refused.map((message) => ({ path: ['files'], message })),
        });
      }
      // One at a time, so the files get their ids (and their place in a list) in the order
      // sent; the upload plugin stores several at once in whatever order they finish. A
      // failure removes the ones already stored: all or nothing.
      const stored: RawRow[] = [];
      try {
        for (const file of files) {
          stored.push(
            ...((await upload().upload({ data: { fileInfo: {} }, files: file })) as RawRow[])
          );
        }
      } catch (error) {
        await discard(stored.map((row) => Number(row.id)));
        throw error;
      }
      return stored.map(mediaFileView);
    },

    /** Deletes stored files (an upload whose attachment was then refused). */
    discard,

    /** The media-library rows of `ids`; 400 when one does not exist. */
    async existing(ids: readonly number[], field = 'files'): Promise<RawRow[]> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const rows: RawRow[] = await strapi.db
        .query(FILE)
        .findMany({ where: { id: { $in: unique } }, select: FILE_SELECT });
      if (rows.length !== unique.length) {
        throw new errors.ValidationError(`${field}: no such file in the media library`);
      }
      return unique.map((id) => rows.find((row) => Number(row.id) === id)!);
    },

    /**
     * Answers a file's content as a download. The local provider's files are streamed from the
     * public folder; other providers' are redirected to, through a signed URL when the provider
     * is private.
     */
    async send(ctx: Context, fileId: number) {
      const file = await strapi.db.query(FILE).findOne({ where: { id: fileId } });
      if (!file) throw new errors.NotFoundError('No such file');
      const name = String(file.name).replace(/["\\\r\n]/g, '_');
      ctx.set('Content-Disposition', `attachment; filename="${name}"`);
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Cache-Control', 'private, no-store');
      if (file.provider === 'local') {
        const publicDir = path.resolve(strapi.dirs.static.public);
        const onDisk = path.resolve(publicDir, `.${String(file.url)}`);
        if (!onDisk.startsWith(`${publicDir}${path.sep}`))
          throw new errors.NotFoundError('No such file');
        ctx.type = String(file.mime ?? 'application/octet-stream');
        ctx.body = createReadStream(onDisk);
        return;
      }
      const signed = await strapi.plugin('upload').service('file').signFileUrls(file);
      ctx.redirect(String(signed.url));
    },
  };
};

export type MediaFilesService = ReturnType<typeof createMediaFilesService>;
export default createMediaFilesService;
