/**
 * Which uploaded files the plugin keeps (agreements, marketing assets, deal attachments): the
 * type is decided from the file's first bytes and its extension together, never from the
 * browser's declared type alone, so a renamed executable or an HTML page is refused.
 */

export const FILE_USES = ['agreement', 'asset', 'deal-attachment'] as const;
export type FileUse = (typeof FILE_USES)[number];

type FileKind = {
  mime: string;
  extensions: readonly string[];
  /** Bytes the file starts with; null for text, which is checked for binary content instead. */
  magic: readonly number[] | null;
};

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const KINDS: Record<string, FileKind> = {
  pdf: { mime: 'application/pdf', extensions: ['.pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  png: {
    mime: 'image/png',
    extensions: ['.png'],
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
  jpeg: { mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'], magic: [0xff, 0xd8, 0xff] },
  gif: { mime: 'image/gif', extensions: ['.gif'], magic: [0x47, 0x49, 0x46, 0x38] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
    magic: ZIP,
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
    magic: ZIP,
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['.pptx'],
    magic: ZIP,
  },
  zip: { mime: 'application/zip', extensions: ['.zip'], magic: ZIP },
  txt: { mime: 'text/plain', extensions: ['.txt'], magic: null },
  csv: { mime: 'text/csv', extensions: ['.csv'], magic: null },
};

const MB = 1024 * 1024;

export type FileLimits = { kinds: readonly (keyof typeof KINDS)[]; maxBytes: number };

/** Per use: the kinds a file may be and its largest size. */
export const FILE_LIMITS: Record<FileUse, FileLimits> = {
  agreement: { kinds: ['pdf', 'docx', 'txt', 'png', 'jpeg'], maxBytes: 20 * MB },
  asset: { kinds: ['png', 'jpeg', 'gif', 'pdf', 'zip', 'docx', 'pptx', 'txt'], maxBytes: 20 * MB },
  'deal-attachment': {
    kinds: ['pdf', 'docx', 'xlsx', 'pptx', 'txt', 'csv', 'png', 'jpeg'],
    maxBytes: 10 * MB,
  },
};

/** How many files one deal registration may carry. */
export const MAX_DEAL_ATTACHMENTS = 5;

export type FileCandidate = {
  name: string;
  size: number;
  /** The file's first bytes (a few KB are enough). */
  head: Uint8Array;
};

export type FileVerdict = { ok: true; mime: string } | { ok: false; reason: string };

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
};

const startsWith = (head: Uint8Array, magic: readonly number[]) =>
  head.length >= magic.length && magic.every((byte, index) => head[index] === byte);

/** Text is accepted when its first bytes hold no NUL and no other C0 control but tab/CR/LF. */
const looksLikeText = (head: Uint8Array) =>
  head.every((byte) => byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d);

/** The allowed extensions of a use, for messages and the file pickers' `accept`. */
export const acceptedExtensions = (use: FileUse): string[] =>
  FILE_LIMITS[use].kinds.flatMap((kind) => [...KINDS[kind].extensions]);

export const checkFile = (use: FileUse, file: FileCandidate): FileVerdict => {
  const limits = FILE_LIMITS[use];
  if (file.size <= 0) return { ok: false, reason: `${file.name}: the file is empty` };
  if (file.size > limits.maxBytes) {
    return {
      ok: false,
      reason: `${file.name}: larger than ${Math.floor(limits.maxBytes / MB)} MB`,
    };
  }
  const extension = extensionOf(file.name);
  const kind = limits.kinds
    .map((name) => KINDS[name])
    .find((candidate) => candidate.extensions.includes(extension));
  if (!kind) {
    return {
      ok: false,
      reason: `${file.name}: only ${acceptedExtensions(use).join(', ')} files are accepted`,
    };
  }
  const matches = kind.magic ? startsWith(file.head, kind.magic) : looksLikeText(file.head);
  if (!matches)
    return { ok: false, reason: `${file.name}: the content is not a ${extension} file` };
  return { ok: true, mime: kind.mime };
};
