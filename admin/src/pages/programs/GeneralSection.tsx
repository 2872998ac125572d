import { APPLICATION_MODES, PROGRAM_STATUSES } from '../../../../plugin/model';
import { CURRENCIES } from '../../../../plugin/currency';
import { useT } from '../../hooks/useT';
import { Cell, FormSection } from './FormSection';
import { DayField, SelectField, TextField } from './inputs';
import type { ProgramForm, ProgramPatch } from './programForm';
import { slugify } from './programForm';

interface Props {
  form: ProgramForm;
  onChange: (patch: ProgramPatch) => void;
  /** New programs derive the slug from the name until it is edited. */
  isNew: boolean;
}

/** Name, address, status, dates, currency and how partners join. */
export const GeneralSection = ({ form, onChange, isNew }: Props) => {
  const t = useT();
  return (
    <FormSection id="general" title={t('programs.section.general')}>
      <Cell>
        <TextField
          name="name"
          label={t('programs.field.name')}
          required
          value={form.name}
          onChange={(name) =>
            onChange(
              isNew && form.slug === slugify(form.name) ? { name, slug: slugify(name) } : { name }
            )
          }
        />
      </Cell>
      <Cell>
        <TextField
          name="slug"
          label={t('programs.field.slug')}
          hint={t('programs.field.slug.hint')}
          required
          value={form.slug}
          onChange={(slug) => onChange({ slug })}
        />
      </Cell>
      <Cell>
        <SelectField
          name="status"
          label={t('programs.field.status')}
          value={form.status}
          options={PROGRAM_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
          onChange={(status) => onChange({ status })}
        />
      </Cell>
      <Cell>
        <SelectField
          name="currency"
          label={t('programs.field.currency')}
          value={form.currency}
          options={CURRENCIES.map((value) => ({ value, label: value }))}
          onChange={(currency) => onChange({ currency })}
        />
      </Cell>
      <Cell>
        <DayField
          name="startsAt"
          label={t('programs.field.startsAt')}
          hint={t('programs.field.day.hint')}
          value={form.startsAt}
          onChange={(startsAt) => onChange({ startsAt })}
        />
      </Cell>
      <Cell>
        <DayField
          name="endsAt"
          label={t('programs.field.endsAt')}
          hint={t('programs.field.day.hint')}
          value={form.endsAt}
          onChange={(endsAt) => onChange({ endsAt })}
        />
      </Cell>
      <Cell col={12}>
        <TextField
          name="landingUrl"
          label={t('programs.field.landingUrl')}
          hint={t('programs.field.landingUrl.hint')}
          value={form.landingUrl}
          onChange={(url) => onChange({ landingUrl: url.trim() === '' ? null : url.trim() })}
        />
      </Cell>
      <Cell>
        <SelectField
          name="applicationMode"
          label={t('programs.field.applicationMode')}
          hint={t(`programs.applicationMode.${form.applicationMode}.hint`)}
          value={form.applicationMode}
          options={APPLICATION_MODES.map((value) => ({
            value,
            label: t(`programs.applicationMode.${value}`),
          }))}
          onChange={(applicationMode) => onChange({ applicationMode })}
        />
      </Cell>
      <Cell>
        <TextField
          name="timezone"
          label={t('programs.field.timezone')}
          hint={t('programs.field.timezone.hint')}
          value={form.timezone}
          onChange={(timezone) => onChange({ timezone })}
        />
      </Cell>
    </FormSection>
  );
};
