import { z } from 'zod';
import {
  EMAIL_TEMPLATE_NAMES,
  placeholdersIn,
  templatePlaceholders,
  type EmailTemplateName,
} from '../notifications/templates';
import {
  isSwitchable,
  PROGRAM_TEMPLATE_NAMES,
  type ProgramEmailTemplates,
  type ProgramTemplateName,
  type TemplateSource,
} from '../notifications/program-templates';

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

/** A subject (one line) and a body; `null` (or an absent field) uses the next layer's. */
const overrideFields = (name: EmailTemplateName) => ({
  subject: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\r\n]*$/, 'a subject is one line')
    .pipe(knownPlaceholders(name))
    .nullable()
    .optional(),
  body: z.string().trim().min(1).max(20_000).pipe(knownPlaceholders(name)).nullable().optional(),
});

/**
 * `PUT /partners/notifications/templates/:name` body. `null` (or an absent field) restores the
 * default; a subject is one line.
 */
export const updateEmailTemplateRequestSchema = (name: EmailTemplateName) =>
  z.strictObject({ data: z.strictObject(overrideFields(name)) });
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

/** One program's wording of a message; `send: false` switches it off for the program. */
const programOverrideSchema = (name: ProgramTemplateName) =>
  z
    .strictObject({ ...overrideFields(name), send: z.boolean().optional() })
    .superRefine((override, ctx) => {
      if (override.send === false && !isSwitchable(name))
        ctx.addIssue({
          code: 'custom',
          path: ['send'],
          message: `${name} is switched on and off by the program's notifyOnCommission`,
        });
    })
    .optional();

/**
 * A program's `emailTemplates`: its overrides of the program-scoped messages, over the global
 * templates field by field. Entries that change nothing are dropped, so "reset to global" is
 * an absent entry (or one with nulls).
 */
export const programEmailTemplatesSchema = z
  .strictObject({
    'application-received': programOverrideSchema('application-received'),
    'application-approved': programOverrideSchema('application-approved'),
    'application-rejected': programOverrideSchema('application-rejected'),
    'commission-earned': programOverrideSchema('commission-earned'),
  } satisfies Record<ProgramTemplateName, unknown>)
  .transform((templates): ProgramEmailTemplates => {
    const kept: ProgramEmailTemplates = {};
    for (const name of PROGRAM_TEMPLATE_NAMES) {
      const override = templates[name];
      if (!override) continue;
      const subject = override.subject ?? null;
      const body = override.body ?? null;
      if (subject === null && body === null && override.send !== false) continue;
      kept[name] = { subject, body, ...(override.send === false ? { send: false as const } : {}) };
    }
    return kept;
  });

export const programTemplateNameSchema = z.enum(PROGRAM_TEMPLATE_NAMES);

/**
 * `POST /partners/notifications/templates/:name/preview` (Manage programs), for a program-scoped
 * template: its sample about `programName`, worded by the unsaved `subject`/`body` of the
 * program over the stored global override. Nothing is saved.
 */
export const previewProgramTemplateRequestSchema = (name: ProgramTemplateName) =>
  z.strictObject({
    data: z.strictObject({
      programName: z.string().trim().min(1).max(200).optional(),
      ...overrideFields(name),
    }),
  });
export type PreviewProgramTemplateRequest = z.input<
  ReturnType<typeof previewProgramTemplateRequestSchema>
>;

export interface EmailPreview {
  subject: string;
  text: string;
  /** The HTML part as sent: every value escaped. */
  html: string;
  subjectFrom: TemplateSource;
  bodyFrom: TemplateSource;
}
export interface EmailPreviewResponse {
  data: EmailPreview;
}
