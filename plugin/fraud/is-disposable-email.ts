import { blacklist } from 'mailchecker';

/**
 * The address is at a throwaway-mail domain (or a subdomain of one), by the list the maintained
 * `mailchecker` package ships; updating the package updates the list.
 */
export function isDisposableEmail(email: string): boolean {
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  const labels = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .split('.');
  const blocked = blacklist();
  return labels.some((_, index) => blocked.has(labels.slice(index).join('.')));
}
