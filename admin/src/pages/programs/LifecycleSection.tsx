import { ACTIVATION_EVENTS, ATTRIBUTION_MODELS } from '../../../../plugin/model';
import { useT } from '../../hooks/useT';
import { Cell, FormSection } from './FormSection';
import { IntegerField, SelectField, ToggleField } from './inputs';
import type { ProgramForm, ProgramPatch } from './programForm';

/** Attribution, the hold before approval, qualification and activation (SPEC §5.7, §6). */
export const LifecycleSection = ({
  form,
  onChange,
}: {
  form: ProgramForm;
  onChange: (patch: ProgramPatch) => void;
}) => {
  const t = useT();
  return (
    <FormSection
      id="lifecycle"
      title={t('programs.section.lifecycle')}
      description={t('programs.section.lifecycle.description')}
    >
      <Cell>
        <SelectField
          name="attributionModel"
          label={t('programs.field.attributionModel')}
          hint={t(`programs.attributionModel.${form.attributionModel}.hint`)}
          value={form.attributionModel}
          options={ATTRIBUTION_MODELS.map((value) => ({
            value,
            label: t(`programs.attributionModel.${value}`),
          }))}
          onChange={(attributionModel) => onChange({ attributionModel })}
        />
      </Cell>
      <Cell>
        <IntegerField
          name="attributionWindowDays"
          label={t('programs.field.attributionWindowDays')}
          hint={t('programs.field.attributionWindowDays.hint')}
          value={form.attributionWindowDays}
          onChange={(attributionWindowDays) => onChange({ attributionWindowDays })}
        />
      </Cell>
      <Cell>
        <IntegerField
          name="holdDays"
          label={t('programs.field.holdDays')}
          hint={t('programs.field.holdDays.hint')}
          value={form.holdDays}
          onChange={(holdDays) => onChange({ holdDays: holdDays ?? 0 })}
        />
      </Cell>
      <Cell>
        <ToggleField
          name="autoApprove"
          label={t('programs.field.autoApprove')}
          hint={t(
            form.autoApprove ? 'programs.field.autoApprove.on' : 'programs.field.autoApprove.off'
          )}
          value={form.autoApprove}
          onChange={(autoApprove) => onChange({ autoApprove })}
        />
      </Cell>
      {form.trigger === 'sale' ? (
        <Cell>
          <ToggleField
            name="reverseOnChurn"
            label={t('programs.field.reverseOnChurn')}
            hint={t(
              form.reverseOnChurn
                ? 'programs.field.reverseOnChurn.on'
                : 'programs.field.reverseOnChurn.off'
            )}
            value={form.reverseOnChurn}
            onChange={(reverseOnChurn) => onChange({ reverseOnChurn })}
          />
        </Cell>
      ) : null}
      {form.trigger === 'qualified-customer' ? (
        <Cell>
          <IntegerField
            name="qualificationDays"
            label={t('programs.field.qualificationDays')}
            hint={t('programs.field.qualificationDays.hint')}
            value={form.qualificationDays}
            onChange={(qualificationDays) =>
              onChange({ qualificationDays: qualificationDays ?? 0 })
            }
          />
        </Cell>
      ) : null}
      <Cell>
        <SelectField
          name="activationEvent"
          label={t('programs.field.activationEvent')}
          hint={t('programs.field.activationEvent.hint')}
          value={form.activationEvent}
          options={ACTIVATION_EVENTS.map((value) => ({
            value,
            label: t(`programs.activationEvent.${value}`),
          }))}
          onChange={(activationEvent) => onChange({ activationEvent })}
        />
      </Cell>
      <Cell>
        <ToggleField
          name="notifyOnCommission"
          label={t('programs.field.notifyOnCommission')}
          hint={t('programs.field.notifyOnCommission.hint')}
          value={form.notifyOnCommission}
          onChange={(notifyOnCommission) => onChange({ notifyOnCommission })}
        />
      </Cell>
    </FormSection>
  );
};
