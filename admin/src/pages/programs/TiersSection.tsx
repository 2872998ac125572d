import * as React from 'react';
import { Box, Button, Field, Flex, IconButton, TextInput, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import type { Tier } from '../../../../plugin/contracts/rules';
import { TIER_METRICS } from '../../../../plugin/model';
import { useT } from '../../hooks/useT';
import { Cell, FormSection } from './FormSection';
import { IntegerField, MoneyField, RateField, SelectField } from './inputs';
import { ProductRatesEditor } from './ProductRatesEditor';
import type { ProgramForm, ProgramPatch } from './programForm';

const TierCard = ({
  tier,
  index,
  form,
  onChange,
  onRemove,
}: {
  tier: Tier;
  index: number;
  form: ProgramForm;
  onChange: (tier: Tier) => void;
  onRemove: () => void;
}) => {
  const t = useT();
  const revenue = form.tierMetric === 'revenue-in-month';
  return (
    <Box padding={4} hasRadius borderColor="neutral200" background="neutral100" data-tier={index}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between">
          <Typography variant="omega" fontWeight="bold">
            {tier.name || t('programs.tiers.numbered', { number: index + 1 })}
          </Typography>
          <IconButton label={t('actions.remove')} variant="ghost" onClick={onRemove}>
            <Trash />
          </IconButton>
        </Flex>
        <Flex gap={4} alignItems="flex-start">
          <Box flex="1">
            <Field.Root name={`tiers.${index}.name`}>
              <Field.Label>{t('programs.tiers.name')}</Field.Label>
              <TextInput
                value={tier.name ?? ''}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  onChange({ ...tier, name: event.target.value || undefined })
                }
              />
            </Field.Root>
          </Box>
          <Box flex="1">
            {revenue ? (
              <MoneyField
                name={`tiers.${index}.threshold`}
                label={t('programs.tiers.threshold')}
                currency={form.currency}
                value={tier.threshold}
                onChange={(threshold) => onChange({ ...tier, threshold: threshold ?? 0 })}
              />
            ) : (
              <IntegerField
                name={`tiers.${index}.threshold`}
                label={t('programs.tiers.threshold')}
                value={tier.threshold}
                onChange={(threshold) => onChange({ ...tier, threshold: threshold ?? 0 })}
              />
            )}
          </Box>
        </Flex>
        <RateField
          name={`tiers.${index}.commission`}
          label={t('programs.tiers.commission')}
          currency={form.currency}
          value={tier.commission}
          onChange={(commission) => onChange({ ...tier, commission })}
        />
        {form.trigger !== 'signup' ? (
          <ProductRatesEditor
            name={`tiers.${index}.productRates`}
            currency={form.currency}
            value={tier.productRates ?? []}
            onChange={(productRates) =>
              onChange({ ...tier, productRates: productRates.length ? productRates : undefined })
            }
          />
        ) : null}
      </Flex>
    </Box>
  );
};

/** Volume tiers (SPEC §5.4): better rates once a partner reaches a threshold. */
export const TiersSection = ({
  form,
  onChange,
}: {
  form: ProgramForm;
  onChange: (patch: ProgramPatch) => void;
}) => {
  const t = useT();
  const setTier = (index: number, tier: Tier) =>
    onChange({ tiers: form.tiers.map((current, at) => (at === index ? tier : current)) });
  const nextThreshold = Math.max(0, ...form.tiers.map((tier) => tier.threshold)) + 10;
  return (
    <FormSection
      id="tiers"
      title={t('programs.section.tiers')}
      description={t('programs.section.tiers.description')}
    >
      <Cell col={12}>
        <SelectField
          name="tierMetric"
          label={t('programs.field.tierMetric')}
          hint={t(`programs.tierMetric.${form.tierMetric}.hint`)}
          value={form.tierMetric}
          options={TIER_METRICS.map((value) => ({
            value,
            label: t(`programs.tierMetric.${value}`),
          }))}
          onChange={(tierMetric) => onChange({ tierMetric })}
        />
      </Cell>
      <Cell col={12}>
        <Flex direction="column" alignItems="stretch" gap={3}>
          {form.tiers.map((tier, index) => (
            <TierCard
              key={index}
              tier={tier}
              index={index}
              form={form}
              onChange={(next) => setTier(index, next)}
              onRemove={() => onChange({ tiers: form.tiers.filter((_, at) => at !== index) })}
            />
          ))}
          <Box>
            <Button
              variant="secondary"
              size="S"
              startIcon={<Plus />}
              onClick={() =>
                onChange({
                  tiers: [...form.tiers, { threshold: nextThreshold, commission: form.commission }],
                })
              }
            >
              {t('programs.tiers.add')}
            </Button>
          </Box>
        </Flex>
      </Cell>
    </FormSection>
  );
};
