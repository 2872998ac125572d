import * as React from 'react';
import { Box, Button, Field, Flex, IconButton, TextInput, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import type { ProductRate } from '../../../../plugin/contracts/rules';
import { useT } from '../../hooks/useT';
import { RateField } from './inputs';

/** A rate per product identifier (plan, SKU), more specific than the program's own rate. */
export const ProductRatesEditor = ({
  name,
  currency,
  value,
  onChange,
}: {
  name: string;
  currency: string;
  value: ProductRate[];
  onChange: (rates: ProductRate[]) => void;
}) => {
  const t = useT();
  const update = (index: number, rate: ProductRate) =>
    onChange(value.map((current, at) => (at === index ? rate : current)));
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-editor={name}>
      <Typography variant="pi" fontWeight="bold">
        {t('programs.productRates')}
      </Typography>
      {value.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {t('programs.productRates.none')}
        </Typography>
      ) : null}
      {value.map((rate, index) => (
        <Flex key={index} gap={3} alignItems="flex-end">
          <Box width="12rem" shrink={0}>
            <Field.Root name={`${name}.${index}.product`}>
              <Field.Label>{t('programs.productRates.product')}</Field.Label>
              <TextInput
                value={rate.product}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  update(index, { ...rate, product: event.target.value })
                }
              />
            </Field.Root>
          </Box>
          <Box flex="1">
            <RateField
              name={`${name}.${index}.commission`}
              label={t('programs.productRates.rate')}
              currency={currency}
              value={rate.commission}
              allowPerUnit
              onChange={(commission) => update(index, { ...rate, commission })}
            />
          </Box>
          <IconButton
            label={t('actions.remove')}
            variant="ghost"
            onClick={() => onChange(value.filter((_, at) => at !== index))}
          >
            <Trash />
          </IconButton>
        </Flex>
      ))}
      <Box>
        <Button
          variant="secondary"
          size="S"
          startIcon={<Plus />}
          onClick={() =>
            onChange([...value, { product: '', commission: { type: 'percentage', bps: 2000 } }])
          }
        >
          {t('programs.productRates.add')}
        </Button>
      </Box>
    </Flex>
  );
};
