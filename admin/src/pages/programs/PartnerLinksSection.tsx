import { useT } from '../../hooks/useT';
import { Cell, FormSection } from './FormSection';
import { DEAL_CONFLICT_MODES } from '../../../../plugin/model';
import { IntegerField, SelectField, ToggleField } from './inputs';
import type { ProgramForm, ProgramPatch } from './programForm';

/**
 * The portal's rules for the links partners make themselves (SPEC §8): how many links a
 * partner may have in the program (its default link included) and whether it chooses codes;
 * and what happens to a deal registration for a customer another open one claims.
 */
export const PartnerLinksSection = ({
  form,
  onChange,
}: {
  form: ProgramForm;
  onChange: (patch: ProgramPatch) => void;
}) => {
  const t = useT();
  return (
    <FormSection
      id="partner-links"
      title={t('programs.section.partnerLinks')}
      description={t('programs.section.partnerLinks.description')}
    >
      <Cell>
        <IntegerField
          name="partnerLinkLimit"
          label={t('programs.field.partnerLinkLimit')}
          hint={t('programs.field.partnerLinkLimit.hint')}
          value={form.partnerLinkLimit}
          onChange={(value) => onChange({ partnerLinkLimit: value ?? 1 })}
          required
        />
      </Cell>
      <Cell>
        <ToggleField
          name="vanityCodes"
          label={t('programs.field.vanityCodes')}
          hint={t('programs.field.vanityCodes.hint')}
          value={form.vanityCodes}
          onChange={(vanityCodes) => onChange({ vanityCodes })}
        />
      </Cell>
      <Cell>
        <SelectField
          name="dealConflicts"
          label={t('programs.field.dealConflicts')}
          hint={t(`programs.dealConflicts.${form.dealConflicts}.hint`)}
          value={form.dealConflicts}
          options={DEAL_CONFLICT_MODES.map((value) => ({
            value,
            label: t(`programs.dealConflicts.${value}`),
          }))}
          onChange={(dealConflicts) => onChange({ dealConflicts })}
        />
      </Cell>
    </FormSection>
  );
};
