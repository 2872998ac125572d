import type { EmailContent } from './email-content';
import {
  applyTemplateOverride,
  templateSample,
  type EmailTemplateName,
  type TemplateOverride,
} from './templates';

/**
 * The messages a program may word its own way: each is about one enrollment or one entry of
 * that program. A payout and a monthly statement net every program of a currency, a change of
 * payout details is about the partner's account and an invitation opens the whole portal: those
 * keep the global template only.
 */
export const PROGRAM_TEMPLATE_NAMES = [
  'application-received',
  'application-approved',
  'application-rejected',
  'commission-earned',
] as const satisfies readonly EmailTemplateName[];
export type ProgramTemplateName = (typeof PROGRAM_TEMPLATE_NAMES)[number];

/**
 * The ones a program may switch off. "Commission earned" already has its switch, the
 * program's `notifyOnCommission`, and a second one would only contradict it.
 */
export const SWITCHABLE_TEMPLATE_NAMES = [
  'application-received',
  'application-approved',
  'application-rejected',
] as const satisfies readonly ProgramTemplateName[];

export const isProgramTemplateName = (name: string): name is ProgramTemplateName =>
  (PROGRAM_TEMPLATE_NAMES as readonly string[]).includes(name);

export const isSwitchable = (name: string) =>
  (SWITCHABLE_TEMPLATE_NAMES as readonly string[]).includes(name);

/** A program's wording of one message (null: the global one) and whether it is sent at all. */
export interface ProgramTemplateOverride {
  subject: string | null;
  body: string | null;
  /** Only `false` is stored: the message is not sent for this program. */
  send?: false;
}
export type ProgramEmailTemplates = Partial<Record<ProgramTemplateName, ProgramTemplateOverride>>;

/** Where a field of the e-mail comes from. */
export type TemplateSource = 'program' | 'global' | 'default';

export interface LayeredOverride {
  override: TemplateOverride;
  subjectFrom: TemplateSource;
  bodyFrom: TemplateSource;
}

/** Field by field: the program's text, else the global override's, else the built-in wording. */
export function layeredOverride(
  program: TemplateOverride | null | undefined,
  global: TemplateOverride | null | undefined
): LayeredOverride {
  const pick = (field: 'subject' | 'body') =>
    program?.[field]
      ? { text: program[field], from: 'program' as const }
      : global?.[field]
        ? { text: global[field], from: 'global' as const }
        : { text: null, from: 'default' as const };
  const subject = pick('subject');
  const body = pick('body');
  return {
    override: { subject: subject.text, body: body.text },
    subjectFrom: subject.from,
    bodyFrom: body.from,
  };
}

/** The program's override of an e-mail's template, when the template is program-scoped. */
export const programOverrideOf = (
  templates: ProgramEmailTemplates | null | undefined,
  name: string | undefined
): ProgramTemplateOverride | null =>
  name && isProgramTemplateName(name) ? (templates?.[name] ?? null) : null;

/** True when the program switched this message off. */
export const isSwitchedOff = (
  templates: ProgramEmailTemplates | null | undefined,
  content: EmailContent
) => programOverrideOf(templates, content.template?.name)?.send === false;

/**
 * What the program editor shows: the template's sample about the program, worded by the
 * program's (unsaved) override over the global one, by the same renderer as a real send.
 */
export function programTemplatePreview(
  name: ProgramTemplateName,
  programName: string | undefined,
  program: TemplateOverride | null,
  global: TemplateOverride | null | undefined
) {
  const { override, subjectFrom, bodyFrom } = layeredOverride(program, global);
  const { subject, text, html } = applyTemplateOverride(
    templateSample(name, programName),
    override
  );
  return { subject, text, html, subjectFrom, bodyFrom };
}
