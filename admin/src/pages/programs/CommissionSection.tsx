import {
  Field,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { TIER_MODES, TRIGGERS } from '../../../../plugin/model';
import { useT } from '../../hooks/useT';
import { Cell, FormSection } from './FormSection';
import { RateField, SelectField } from './inputs';
import { ProductRatesEditor } from './ProductRatesEditor';
import { defaultSecondTier, type ProgramForm, type ProgramPatch } from './programForm';

type Recurrence = 'lifetime' | 'first' | 'months';
/** A signup has no products: the tiers keep their bounties and lose their plan rates. */
const withoutPlans = (form: ProgramForm) =>
  form.tiers.map(({ productRates: _plans, ...tier }) => tier);

const recurrenceOf = (months: number | null): Recurrence =>
  months === null ? 'lifetime' : months === 0 ? 'first' : 'months';

/** What earns a commission, how much, and for how long (SPEC §5.1, §5.3). */
export const CommissionSection = ({
  form,
  onChange,
}: {
  form: ProgramForm;
  onChange: (patch: ProgramPatch) => void;
}) => {
  const t = useT();
  const recurrence = recurrenceOf(form.recurringMonths);
  return (
    <FormSection
      id="commission"
      title={t('programs.section.commission')}
      description={t('programs.section.commission.description')}
    >
      <Cell>
        <SelectField
          name="trigger"
          label={t('programs.field.trigger')}
          hint={t(`programs.trigger.${form.trigger}.hint`)}
          value={form.trigger}
          options={TRIGGERS.map((value) => ({ value, label: t(`programs.trigger.${value}`) }))}
          onChange={(trigger) =>
            onChange(
              trigger === 'sale'
                ? { trigger }
                : // Bounties are flat; only a qualified customer has a plan to rate, and
                  // only sale commissions are reversed on churn.
                  {
                    trigger,
                    reverseOnChurn: false,
                    ...(trigger === 'signup'
                      ? { productRates: [], tiers: withoutPlans(form) }
                      : {}),
                    commission:
                      form.commission.type === 'flat'
                        ? form.commission
                        : { type: 'flat', amount: 2500 },
                  }
            )
          }
        />
      </Cell>
      <Cell>
        <SelectField
          name="tierMode"
          label={t('programs.field.tierMode')}
          hint={t(`programs.tierMode.${form.tierMode}.hint`)}
          value={form.tierMode}
          options={TIER_MODES.map((value) => ({ value, label: t(`programs.tierMode.${value}`) }))}
          onChange={(tierMode) =>
            onChange({
              tierMode,
              secondTier: tierMode === 'two-tier' ? (form.secondTier ?? defaultSecondTier()) : null,
            })
          }
        />
      </Cell>
      <Cell col={12}>
        <RateField
          name="commission"
          label={t('programs.field.commission')}
          hint={t('programs.field.commission.hint')}
          currency={form.currency}
          value={form.commission}
          onChange={(commission) => onChange({ commission })}
        />
      </Cell>
      {form.trigger === 'sale' ? (
        <>
          <Cell>
            <Field.Root name="recurrence" hint={t(`programs.recurrence.${recurrence}.hint`)}>
              <Field.Label>{t('programs.field.recurrence')}</Field.Label>
              <SingleSelect
                value={recurrence}
                onChange={(next) =>
                  onChange({
                    recurringMonths: next === 'lifetime' ? null : next === 'first' ? 0 : 12,
                  })
                }
              >
                {(['lifetime', 'first', 'months'] as const).map((value) => (
                  <SingleSelectOption key={value} value={value}>
                    {t(`programs.recurrence.${value}`)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Hint />
            </Field.Root>
          </Cell>
          {recurrence === 'months' ? (
            <Cell>
              <Field.Root name="recurringMonths">
                <Field.Label>{t('programs.field.recurringMonths')}</Field.Label>
                <NumberInput
                  value={form.recurringMonths ?? 12}
                  step={1}
                  onValueChange={(months) =>
                    onChange({ recurringMonths: Math.max(1, Math.round(months ?? 1)) })
                  }
                />
              </Field.Root>
            </Cell>
          ) : null}
        </>
      ) : null}
      {form.trigger !== 'signup' ? (
        <Cell col={12}>
          <ProductRatesEditor
            name="productRates"
            currency={form.currency}
            value={form.productRates}
            onChange={(productRates) => onChange({ productRates })}
          />
          {form.trigger === 'qualified-customer' ? (
            <Typography variant="pi" textColor="neutral600">
              {t('programs.productRates.qualified.hint')}
            </Typography>
          ) : null}
        </Cell>
      ) : null}
    </FormSection>
  );
};
