import type { Core } from '@strapi/strapi';
import type { EmailTemplateView } from '../../../plugin/contracts/notifications';
import { PLUGIN_ID } from '../../../plugin/model';
import {
  applyTemplateOverride,
  EMAIL_TEMPLATE_NAMES,
  isEmailTemplateName,
  layeredOverride,
  programOverrideOf,
  programTemplatePreview,
  type ProgramEmailTemplates,
  type ProgramTemplateName,
  templateDescription,
  templateExample,
  templatePlaceholders,
  type EmailContent,
  type EmailTemplateName,
  type TemplateOverride,
} from '../../../plugin/notifications';

type Overrides = Partial<Record<EmailTemplateName, TemplateOverride>>;

/**
 * Editors' overrides of the e-mail templates, kept in Strapi's plugin store (`core_store`,
 * key `plugin_partners_email-templates`): shared by every node, read at each send.
 */
const createEmailTemplatesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'email-templates' });
  const read = async (): Promise<Overrides> => ((await store().get({})) as Overrides) ?? {};

  const view = (name: EmailTemplateName, override?: TemplateOverride): EmailTemplateView => ({
    name,
    description: templateDescription(name),
    placeholders: templatePlaceholders(name),
    subject: override?.subject ?? null,
    body: override?.body ?? null,
    example: templateExample(name, override),
  });

  return {
    async list() {
      const overrides = await read();
      return EMAIL_TEMPLATE_NAMES.map((name) => view(name, overrides[name]));
    },

    /** Sets (or, with nulls, clears) a template's override. */
    async update(name: EmailTemplateName, override: TemplateOverride) {
      const overrides = await read();
      const next: TemplateOverride = {
        subject: override.subject ?? null,
        body: override.body ?? null,
      };
      if (next.subject === null && next.body === null) delete overrides[name];
      else overrides[name] = next;
      await store().set({ value: overrides });
      return view(name, overrides[name]);
    },

    /**
     * An e-mail with its template's overrides applied, the program's (when the message is
     * about one program) over the global one; as it was when there is none.
     */
    async apply(
      content: EmailContent,
      program?: ProgramEmailTemplates | null
    ): Promise<EmailContent> {
      const name = content.template?.name;
      if (!name || !isEmailTemplateName(name)) return content;
      const { override } = layeredOverride(programOverrideOf(program, name), (await read())[name]);
      return applyTemplateOverride(content, override);
    },

    /** The program editor's preview of unsaved wording; nothing is stored. */
    async preview(
      name: ProgramTemplateName,
      programName: string | undefined,
      program: TemplateOverride
    ) {
      return programTemplatePreview(name, programName, program, (await read())[name]);
    },
  };
};

export type EmailTemplatesService = ReturnType<typeof createEmailTemplatesService>;
export default createEmailTemplatesService;
