/**
 * Which editable template produced an e-mail, and the values of its placeholders: the
 * notifications service applies an editor's subject/body override with them (templates.ts).
 */
export interface TemplateUse {
  name: string;
  variables: Record<string, string>;
}

/** What every template returns: the e-mail's subject and its text and HTML bodies. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
  template?: TemplateUse;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);

export interface EmailParts {
  subject: string;
  greeting: string;
  paragraphs: readonly string[];
  /** Label / value rows, e.g. the amounts of a statement. */
  rows?: ReadonlyArray<readonly [string, string]>;
  /** A call to action: the portal, an invitation link. */
  link?: { label: string; url: string };
  /** The editable template this e-mail comes from, with its placeholders' values. */
  template?: TemplateUse;
}

/**
 * Builds both bodies from plain-text parts, escaping everything that goes into the HTML: names
 * and program titles come from partners and editors. Templates stay plain data → text.
 */
export function emailContent(parts: EmailParts): EmailContent {
  const rows = parts.rows ?? [];
  const text = [
    parts.greeting,
    '',
    ...parts.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(rows.length ? [...rows.map(([label, value]) => `${label}: ${value}`), ''] : []),
    ...(parts.link ? [`${parts.link.label}: ${parts.link.url}`, ''] : []),
  ]
    .join('\n')
    .trimEnd();
  const table = rows.length
    ? `<table cellpadding="4" style="border-collapse:collapse">${rows
        .map(
          ([label, value]) =>
            `<tr><td>${escapeHtml(label)}</td><td style="text-align:right"><strong>${escapeHtml(value)}</strong></td></tr>`
        )
        .join('')}</table>`
    : '';
  const link = parts.link
    ? `<p><a href="${escapeHtml(parts.link.url)}">${escapeHtml(parts.link.label)}</a></p>`
    : '';
  const html = [
    '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#212134">',
    `<p>${escapeHtml(parts.greeting)}</p>`,
    ...parts.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    table,
    link,
    '</body></html>',
  ].join('');
  return {
    subject: parts.subject,
    text,
    html,
    ...(parts.template ? { template: parts.template } : {}),
  };
}

/** "January 2026" for a "YYYY-MM" month. */
export function monthName(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}
