import * as React from 'react';
import { Box, Button, Divider, Flex, IconButton, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import type { PreviewResult } from '../../../../plugin/contracts/admin';
import { useLivePreview } from '../../hooks/useLivePreview';
import { useT } from '../../hooks/useT';
import { IntegerField, MoneyField, SelectField } from './inputs';
import { previewProgram, type ProgramForm } from './programForm';

interface Sample {
  amount: number | null;
  tierMetricValue: number | null;
  monthsAfterFirst: number | null;
  /** The product (plan) the order is for, when the rules price products ('' for none). */
  product: string;
}

const FIRST_SAMPLE: Sample = {
  amount: 10000,
  tierMetricValue: 0,
  monthsAfterFirst: 0,
  product: '',
};

/** Every product the rules give a rate, the program's own and its tiers', in order. */
const productsOf = (form: ProgramForm) => [
  ...new Set(
    [form.productRates, ...form.tiers.map((tier) => tier.productRates ?? [])].flatMap((rates) =>
      rates.map((rate) => rate.product)
    )
  ),
];

/**
 * What the rules being edited pay on sample orders, computed by the server's commission engine
 * (`POST /programs/preview`) as the editor types: nothing is saved.
 */
export const PreviewPanel = ({ form }: { form: ProgramForm }) => {
  const t = useT();
  const [samples, setSamples] = React.useState<Sample[]>([FIRST_SAMPLE]);
  const program = previewProgram(form);
  const products = productsOf(form);
  const orders = samples.map((sample) => ({
    amount: sample.amount ?? 0,
    currency: form.currency,
    tierMetricValue: sample.tierMetricValue ?? 0,
    monthsAfterFirst: sample.monthsAfterFirst ?? 0,
    ...(products.includes(sample.product)
      ? { items: [{ product: sample.product, amount: sample.amount ?? 0, quantity: 1 }] }
      : {}),
  }));
  const { data: results, problem } = useLivePreview<PreviewResult[]>(
    '/partners/programs/preview',
    JSON.stringify({ program, orders })
  );

  const update = (index: number, patch: Partial<Sample>) =>
    setSamples((list) =>
      list.map((sample, at) => (at === index ? { ...sample, ...patch } : sample))
    );

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-section="preview">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="delta" tag="h2">
            {t('programs.preview.title')}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {t('programs.preview.description')}
          </Typography>
        </Flex>
        {samples.map((sample, index) => {
          const result = results?.find((entry) => entry.order === index);
          return (
            <Flex key={index} direction="column" alignItems="stretch" gap={3} data-sample={index}>
              {index > 0 ? <Divider /> : null}
              <Flex gap={2} alignItems="flex-end">
                <Box flex="1">
                  <MoneyField
                    name={`sample.${index}.amount`}
                    label={t('programs.preview.amount')}
                    currency={form.currency}
                    value={sample.amount}
                    onChange={(amount) => update(index, { amount })}
                  />
                </Box>
                {products.length > 0 ? (
                  <Box flex="1">
                    <SelectField
                      name={`sample.${index}.product`}
                      label={t('programs.preview.product')}
                      value={products.includes(sample.product) ? sample.product : ''}
                      options={[
                        { value: '', label: t('programs.preview.product.none') },
                        ...products.map((product) => ({ value: product, label: product })),
                      ]}
                      onChange={(product) => update(index, { product })}
                    />
                  </Box>
                ) : null}
                {samples.length > 1 ? (
                  <IconButton
                    label={t('actions.remove')}
                    variant="ghost"
                    onClick={() => setSamples((list) => list.filter((_, at) => at !== index))}
                  >
                    <Trash />
                  </IconButton>
                ) : null}
              </Flex>
              {form.tiers.length > 0 || form.recurringMonths !== 0 ? (
                <Flex gap={2}>
                  {form.tiers.length > 0 ? (
                    <Box flex="1">
                      <IntegerField
                        name={`sample.${index}.tierMetricValue`}
                        label={t(`programs.preview.metric.${form.tierMetric}`)}
                        value={sample.tierMetricValue}
                        onChange={(tierMetricValue) => update(index, { tierMetricValue })}
                      />
                    </Box>
                  ) : null}
                  {form.trigger === 'sale' && form.recurringMonths !== 0 ? (
                    <Box flex="1">
                      <IntegerField
                        name={`sample.${index}.monthsAfterFirst`}
                        label={t('programs.preview.monthsAfterFirst')}
                        value={sample.monthsAfterFirst}
                        onChange={(monthsAfterFirst) => update(index, { monthsAfterFirst })}
                      />
                    </Box>
                  ) : null}
                </Flex>
              ) : null}
              {result ? (
                <Box background="primary100" padding={3} hasRadius data-preview-text>
                  <Typography fontWeight="bold" textColor="primary700">
                    {result.text}
                  </Typography>
                  {result.entries.map((entry) => (
                    <Typography key={entry.level} tag="p" variant="pi" textColor="neutral700">
                      {entry.explanation.summary}
                    </Typography>
                  ))}
                </Box>
              ) : null}
            </Flex>
          );
        })}
        {problem ? (
          <Typography variant="pi" textColor="danger600" data-preview-problem>
            {problem}
          </Typography>
        ) : null}
        <Box>
          <Button
            variant="secondary"
            size="S"
            startIcon={<Plus />}
            disabled={samples.length >= 20}
            onClick={() => setSamples((list) => [...list, { ...FIRST_SAMPLE, amount: 25000 }])}
          >
            {t('programs.preview.add')}
          </Button>
        </Box>
      </Flex>
    </Box>
  );
};
