import { SECOND_TIER_BASES } from '../../../../plugin/contracts/rules';
import { useT } from '../../hooks/useT';
import { Cell, FormSection } from './FormSection';
import { RateField, SelectField } from './inputs';
import { defaultSecondTier, type ProgramForm, type ProgramPatch } from './programForm';

/** What a partner's recruiter earns on the partner's sales (SPEC §5.5). */
export const TwoTierSection = ({
  form,
  onChange,
}: {
  form: ProgramForm;
  onChange: (patch: ProgramPatch) => void;
}) => {
  const t = useT();
  const secondTier = form.secondTier ?? defaultSecondTier();
  return (
    <FormSection
      id="two-tier"
      title={t('programs.section.twoTier')}
      description={t('programs.section.twoTier.description')}
    >
      <Cell>
        <RateField
          name="secondTier.commission"
          label={t('programs.field.secondTier.commission')}
          currency={form.currency}
          value={secondTier.commission}
          onChange={(commission) => onChange({ secondTier: { ...secondTier, commission } })}
        />
      </Cell>
      <Cell>
        <SelectField
          name="secondTier.basis"
          label={t('programs.field.secondTier.basis')}
          hint={t(`programs.secondTier.basis.${secondTier.basis}.hint`)}
          value={secondTier.basis}
          options={SECOND_TIER_BASES.map((value) => ({
            value,
            label: t(`programs.secondTier.basis.${value}`),
          }))}
          onChange={(basis) => onChange({ secondTier: { ...secondTier, basis } })}
        />
      </Cell>
    </FormSection>
  );
};
