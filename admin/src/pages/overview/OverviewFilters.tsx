import * as React from 'react';
import { Box, Field, Flex, TextInput } from '@strapi/design-system';
import { DayFilter } from '../../components/DayFilter';
import { QuerySelect, useListQuery } from '../../components/ListQuery';
import { usePartnerOptions, useProgramOptions } from '../../components/Options';
import { useT } from '../../hooks/useT';

/** The partner tier is a free label ("gold"): typed, applied on Enter or when leaving the field. */
const TierFilter = () => {
  const t = useT();
  const { query, set } = useListQuery();
  const [value, setValue] = React.useState(query.tier ?? '');
  React.useEffect(() => setValue(query.tier ?? ''), [query.tier]);
  const apply = () => {
    if (value.trim() !== (query.tier ?? '')) set({ tier: value.trim() || undefined });
  };
  return (
    <Box minWidth="14rem">
      <Field.Root name="tier">
        <Field.Label>{t('filters.tier')}</Field.Label>
        <TextInput
          size="S"
          placeholder={t('filters.tier.placeholder')}
          value={value}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setValue(event.target.value)}
          onBlur={apply}
          onKeyDown={(event: React.KeyboardEvent) => (event.key === 'Enter' ? apply() : undefined)}
        />
      </Field.Root>
    </Box>
  );
};

/** Date range, program, partner tier and partner: every KPI and chart follows them. */
export const OverviewFilters = () => {
  const t = useT();
  const programs = useProgramOptions();
  const partners = usePartnerOptions();
  return (
    <Flex gap={3} wrap="wrap" alignItems="flex-end">
      <DayFilter name="from" label={t('filters.from')} />
      <DayFilter name="to" label={t('filters.to')} />
      <QuerySelect name="program" label={t('filters.program')} options={programs} />
      <TierFilter />
      <QuerySelect name="partner" label={t('filters.partner')} options={partners} />
    </Flex>
  );
};
