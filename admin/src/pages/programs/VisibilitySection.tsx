import { Box, Field, Flex, Radio, Typography } from '@strapi/design-system';
import { REFERRAL_DETAILS, type ReferralDetail } from '../../../../plugin/model';
import { useT } from '../../hooks/useT';
import { Cell, FormSection } from './FormSection';
import { ToggleField } from './inputs';
import type { ProgramForm, ProgramPatch } from './programForm';

/**
 * What partners see of the people they referred (SPEC §8). The server projects every portal
 * answer, CSV and PDF through these settings; the editor explains each level with an example.
 */
export const VisibilitySection = ({
  form,
  onChange,
}: {
  form: ProgramForm;
  onChange: (patch: ProgramPatch) => void;
}) => {
  const t = useT();
  return (
    <FormSection
      id="visibility"
      title={t('programs.section.visibility')}
      description={t('programs.section.visibility.description')}
    >
      <Cell col={12}>
        <Field.Root name="referralDetail">
          <Field.Label>{t('programs.field.referralDetail')}</Field.Label>
          <Radio.Group
            aria-label={t('programs.field.referralDetail')}
            value={form.referralDetail}
            onValueChange={(value: string) => onChange({ referralDetail: value as ReferralDetail })}
          >
            <Flex direction="column" alignItems="stretch" gap={2}>
              {REFERRAL_DETAILS.map((level) => (
                <Box
                  key={level}
                  padding={3}
                  hasRadius
                  borderColor={form.referralDetail === level ? 'primary600' : 'neutral200'}
                  background={form.referralDetail === level ? 'primary100' : 'neutral0'}
                >
                  <Radio.Item value={level}>
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <Typography fontWeight="bold">
                        {t(`programs.referralDetail.${level}`)}
                      </Typography>
                      <Typography variant="pi" textColor="neutral600">
                        {t(`programs.referralDetail.${level}.hint`)}
                      </Typography>
                    </Flex>
                  </Radio.Item>
                </Box>
              ))}
            </Flex>
          </Radio.Group>
        </Field.Root>
      </Cell>
      <Cell>
        <ToggleField
          name="showDeclinedCharges"
          label={t('programs.field.showDeclinedCharges')}
          hint={t('programs.field.showDeclinedCharges.hint')}
          value={form.showDeclinedCharges}
          onChange={(showDeclinedCharges) => onChange({ showDeclinedCharges })}
        />
      </Cell>
      <Cell>
        <ToggleField
          name="showPurchaseHistory"
          label={t('programs.field.showPurchaseHistory')}
          hint={t('programs.field.showPurchaseHistory.hint')}
          value={form.showPurchaseHistory}
          onChange={(showPurchaseHistory) => onChange({ showPurchaseHistory })}
        />
      </Cell>
    </FormSection>
  );
};
