import { Url } from './web-url';

/**
 * True for an absolute http(s) URL: the only links an editor or a partner may store or be shown
 * (SPEC §11). `javascript:`, `data:`, `vbscript:` and the like never become a live link.
 */
export const isWebAddress = (value: string): boolean => {
  try {
    const { protocol } = new Url(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * The href a page may render for a stored link: an http(s) URL, or a path on this site (uploaded
 * files are `/uploads/...`); anything else renders as no link at all.
 */
export const safeHref = (value: string | null | undefined): string | undefined => {
  if (!value) return undefined;
  if (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) return value;
  return isWebAddress(value) ? value : undefined;
};
