import * as React from 'react';
import { Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import {
  isSwitchable,
  PROGRAM_TEMPLATE_NAMES,
  templatePlaceholders,
  type ProgramTemplateName,
  type ProgramTemplateOverride,
} from '../../../../plugin/notifications';
import { useT } from '../../hooks/useT';
import { EmailPreview } from './EmailPreview';
import { Cell, FormSection } from './FormSection';
import { SelectField, TextField, ToggleField } from './inputs';
import type { ProgramForm, ProgramPatch } from './programForm';

const EMPTY: ProgramTemplateOverride = { subject: null, body: null };

/** Empty or blank text means "use the global wording". */
const textOrNull = (value: string) => (value.trim() === '' ? null : value);

/**
 * The program's own wording of its messages to partners, over the global templates field by
 * field, with a "reset to global" per message, a switch for the messages a program may leave
 * unsent, and a live preview rendered by the server. Saved with the program.
 */
export const EmailSection = ({
  form,
  onChange,
}: {
  form: ProgramForm;
  onChange: (patch: ProgramPatch) => void;
}) => {
  const t = useT();
  const [name, setName] = React.useState<ProgramTemplateName>(PROGRAM_TEMPLATE_NAMES[0]);
  const templates = form.emailTemplates;
  const override = templates[name] ?? EMPTY;

  const change = (patch: Partial<ProgramTemplateOverride>) => {
    const next = { ...override, ...patch };
    const others = { ...templates };
    delete others[name];
    const keep = next.subject !== null || next.body !== null || next.send === false;
    onChange({ emailTemplates: keep ? { ...others, [name]: next } : others });
  };
  const reset = () => change({ subject: null, body: null });
  const state = (candidate: ProgramTemplateName) =>
    templates[candidate]?.send === false ? 'off' : templates[candidate] ? 'program' : 'global';

  return (
    <FormSection
      id="emails"
      title={t('programs.section.emails')}
      description={t('programs.section.emails.description')}
    >
      <Cell>
        <SelectField
          name="emailTemplates.message"
          label={t('programs.emails.message')}
          value={name}
          options={PROGRAM_TEMPLATE_NAMES.map((value) => ({
            value,
            label: t('programs.emails.option', {
              message: t(`programs.emails.name.${value}`),
              state: t(`programs.emails.state.${state(value)}`),
            }),
          }))}
          onChange={setName}
        />
      </Cell>
      <Cell>
        {isSwitchable(name) ? (
          <ToggleField
            name={`emailTemplates.${name}.send`}
            label={t('programs.emails.send')}
            hint={t('programs.emails.send.hint')}
            value={override.send !== false}
            onChange={(send) => change({ send: send ? undefined : false })}
          />
        ) : (
          <Typography variant="pi" textColor="neutral600" data-email-switch-note>
            {t(
              form.notifyOnCommission
                ? 'programs.emails.commissionSwitch.on'
                : 'programs.emails.commissionSwitch.off'
            )}
          </Typography>
        )}
      </Cell>
      <Cell col={12}>
        <TextField
          name={`emailTemplates.${name}.subject`}
          label={t('programs.emails.subject')}
          hint={t('programs.emails.blank')}
          value={override.subject}
          onChange={(subject) => change({ subject: textOrNull(subject) })}
        />
      </Cell>
      <Cell col={12}>
        <Field.Root
          name={`emailTemplates.${name}.body`}
          hint={t('programs.emails.placeholders', {
            placeholders: templatePlaceholders(name)
              .map((key) => `{{${key}}}`)
              .join(' '),
          })}
        >
          <Field.Label>{t('programs.emails.body')}</Field.Label>
          <Textarea
            value={override.body ?? ''}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
              change({ body: textOrNull(event.target.value) })
            }
          />
          <Field.Hint />
        </Field.Root>
      </Cell>
      <Cell col={12}>
        <Flex justifyContent="flex-end">
          <Button
            variant="tertiary"
            size="S"
            startIcon={<ArrowClockwise />}
            disabled={override.subject === null && override.body === null}
            onClick={reset}
          >
            {t('programs.emails.reset')}
          </Button>
        </Flex>
      </Cell>
      <Cell col={12}>
        <Flex direction="column" alignItems="stretch" gap={2}>
          {override.send === false ? (
            <Typography variant="pi" textColor="warning600" data-email-off>
              {t('programs.emails.off')}
            </Typography>
          ) : null}
          <EmailPreview
            name={name}
            programName={form.name}
            subject={override.subject}
            body={override.body}
          />
        </Flex>
      </Cell>
    </FormSection>
  );
};
