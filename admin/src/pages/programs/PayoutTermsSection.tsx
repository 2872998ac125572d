import * as React from 'react';
import { Field, Textarea, Typography } from '@strapi/design-system';
import { AgreementFiles } from '../../components/AgreementFiles';
import { usePermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { Cell, FormSection } from './FormSection';
import { IntegerField, MoneyField, TextField } from './inputs';
import type { ProgramForm, ProgramPatch } from './programForm';

/** When partners are paid (SPEC §10) and the terms they accept when joining. */
export const PayoutTermsSection = ({
  form,
  onChange,
  documentId,
}: {
  form: ProgramForm;
  onChange: (patch: ProgramPatch) => void;
  documentId: string | null;
}) => {
  const t = useT();
  const can = usePermissions();
  return (
    <FormSection id="payouts" title={t('programs.section.payouts')}>
      <Cell>
        <MoneyField
          name="payoutMinimum"
          label={t('programs.field.payoutMinimum')}
          hint={t('programs.field.payoutMinimum.hint')}
          currency={form.currency}
          value={form.payoutMinimum}
          onChange={(payoutMinimum) => onChange({ payoutMinimum: payoutMinimum ?? 0 })}
        />
      </Cell>
      <Cell>
        <IntegerField
          name="payoutTermDays"
          label={t('programs.field.payoutTermDays')}
          hint={t('programs.field.payoutTermDays.hint')}
          value={form.payoutTermDays}
          onChange={(payoutTermDays) => onChange({ payoutTermDays: payoutTermDays ?? 0 })}
        />
      </Cell>
      <Cell col={12}>
        <Field.Root name="terms" hint={t('programs.field.terms.hint')}>
          <Field.Label>{t('programs.field.terms')}</Field.Label>
          <Textarea
            value={form.terms ?? ''}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
              onChange({ terms: event.target.value === '' ? null : event.target.value })
            }
          />
          <Field.Hint />
        </Field.Root>
      </Cell>
      <Cell>
        <TextField
          name="termsVersion"
          label={t('programs.field.termsVersion')}
          hint={t('programs.field.termsVersion.hint')}
          value={form.termsVersion}
          onChange={(termsVersion) => onChange({ termsVersion: termsVersion.trim() || null })}
        />
      </Cell>
      <Cell col={12}>
        {documentId ? (
          <AgreementFiles
            path={`/partners/programs/${documentId}/agreements`}
            canEdit={can.managePrograms}
            hint={t('agreements.program.hint')}
          />
        ) : (
          <Typography textColor="neutral600">{t('agreements.program.saveFirst')}</Typography>
        )}
      </Cell>
    </FormSection>
  );
};
