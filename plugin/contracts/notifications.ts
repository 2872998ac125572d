import { z } from 'zod';
import {
  EMAIL_TEMPLATE_NAMES,
  placeholdersIn,
  templatePlaceholders,
  type EmailTemplateName,
} from '../notifications/templates';

/**
 * Editable e-mail templates (SPEC §10): `GET /partners/notifications/templates` and
 * `PUT /partners/notifications/templates/:name` (admin, Manage settings). An override replaces
 * a template's subject and/or its plain-text body; `{{placeholder}}`s are filled in when sent.
 */

export const emailTemplateNameSchema = z.enum(EMAIL_TEMPLATE_NAMES);

/** The `:name` route parameter. */
export const emailTemplateParamsSchema = z.object({ name: emailTemplateNameSchema });

const knownPlaceholders = (name: EmailTemplateName) =>
  z.string().superRefine((text, ctx) => {
    const known = templatePlaceholders(name);
    const unknown = [...new Set(placeholdersIn(text))].filter((key) => !known.includes(key));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown placeholder ${unknown.map((key) => `{{${key}}}`).join(', ')}; ${name} knows ${known.map((key) => `{{${key}}}`).join(', ')}`,
      });
    }
  });

/**
 * `PUT /partners/notifications/templates/:name` body. `null` (or an absent field) restores the
 * default; a subject is one line.
 */
export const updateEmailTemplateRequestSchema = (name: EmailTemplateName) =>
  z.strictObject({
    data: z.strictObject({
      subject: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .regex(/^[^\r\n]*$/, 'a subject is one line')
        .pipe(knownPlaceholders(name))
        .nullable()
        .optional(),
      body: z
        .string()
        .trim()
        .min(1)
        .max(20_000)
        .pipe(knownPlaceholders(name))
        .nullable()
        .optional(),
    }),
  });
export type UpdateEmailTemplateRequest = z.input<
  ReturnType<typeof updateEmailTemplateRequestSchema>
>;

export interface EmailTemplateView {
  name: EmailTemplateName;
  description: string;
  /** What `{{…}}` may name in this template. */
  placeholders: string[];
  /** The editor's override; null fields use the default. */
  subject: string | null;
  body: string | null;
  /** The template filled with sample data, override applied. */
  example: { subject: string; text: string };
}

export interface EmailTemplatesResponse {
  data: EmailTemplateView[];
}
export interface EmailTemplateResponse {
  data: EmailTemplateView;
}

/** What the server did with one e-mail: handed to the e-mail provider, or why not. */
export interface Delivery {
  mailed: boolean;
  /** The provider's error ("connect ECONNREFUSED 127.0.0.1:25"), or why nothing was tried. */
  mailError: string | null;
}

/** The last e-mail one node tried to send (kept in that node's memory only). */
export interface LastDelivery extends Delivery {
  at: string;
}
