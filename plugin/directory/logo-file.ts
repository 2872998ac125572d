/** Logos a partner may upload for a listing: raster images only, at most 1 MB. */
export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

const SIGNATURES: Array<[LogoType, (head: Uint8Array) => boolean]> = [
  [
    'image/png',
    (h) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => h[i] === b),
  ],
  ['image/jpeg', (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff],
  ['image/gif', (h) => String.fromCharCode(...h.slice(0, 4)) === 'GIF8'],
  [
    'image/webp',
    (h) =>
      String.fromCharCode(...h.slice(0, 4)) === 'RIFF' &&
      String.fromCharCode(...h.slice(8, 12)) === 'WEBP',
  ],
];

/**
 * What a logo file is, judged by its first bytes rather than the name or type the browser sent
 * (SVG is refused: it can carry script). Answers the type, or why the file is refused.
 */
export function checkLogoFile(
  head: Uint8Array,
  size: number
): { ok: true; type: LogoType } | { ok: false; reason: string } {
  if (size <= 0) return { ok: false, reason: 'logo: the file is empty' };
  if (size > LOGO_MAX_BYTES) return { ok: false, reason: 'logo: the file is larger than 1 MB' };
  const match = SIGNATURES.find(([, test]) => test(head));
  if (!match) return { ok: false, reason: 'logo: only PNG, JPEG, WebP or GIF images' };
  return { ok: true, type: match[0] };
}
