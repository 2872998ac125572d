import * as React from 'react';
import { Field, TextInput } from '@strapi/design-system';
import { useT } from '../../hooks/useT';
import { Cell, FormSection } from './FormSection';
import { MoneyField, ToggleField } from './inputs';
import type { ProgramForm, ProgramPatch } from './programForm';

/** The product allow-list, typed as "pro, team": kept as text until the field is left. */
const ProductsField = ({
  value,
  onChange,
}: {
  value: string[] | null | undefined;
  onChange: (products: string[] | null) => void;
}) => {
  const t = useT();
  const [text, setText] = React.useState((value ?? []).join(', '));
  React.useEffect(() => setText((value ?? []).join(', ')), [value]);
  const commit = () => {
    const products = text
      .split(',')
      .map((product) => product.trim())
      .filter(Boolean);
    onChange(products.length ? products : null);
  };
  return (
    <Field.Root name="eligibility.products" hint={t('programs.field.products.hint')}>
      <Field.Label>{t('programs.field.products')}</Field.Label>
      <TextInput
        value={text}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value)}
        onBlur={commit}
      />
      <Field.Hint />
    </Field.Root>
  );
};

/** Which orders earn at all (SPEC §5.2); an ineligible order stores why. */
export const EligibilitySection = ({
  form,
  onChange,
}: {
  form: ProgramForm;
  onChange: (patch: ProgramPatch) => void;
}) => {
  const t = useT();
  const eligibility = form.eligibility;
  const set = (patch: Partial<ProgramForm['eligibility']>) =>
    onChange({ eligibility: { ...eligibility, ...patch } });
  return (
    <FormSection
      id="eligibility"
      title={t('programs.section.eligibility')}
      description={t('programs.section.eligibility.description')}
    >
      <Cell>
        <MoneyField
          name="eligibility.minOrderAmount"
          label={t('programs.field.minOrderAmount')}
          hint={t('programs.field.minOrderAmount.hint')}
          currency={form.currency}
          value={eligibility.minOrderAmount ?? null}
          onChange={(minOrderAmount) => set({ minOrderAmount })}
        />
      </Cell>
      <Cell>
        <ProductsField value={eligibility.products} onChange={(products) => set({ products })} />
      </Cell>
      <Cell col={4}>
        <ToggleField
          name="eligibility.newCustomersOnly"
          label={t('programs.field.newCustomersOnly')}
          hint={t('programs.field.newCustomersOnly.hint')}
          value={eligibility.newCustomersOnly}
          onChange={(newCustomersOnly) => set({ newCustomersOnly })}
        />
      </Cell>
      <Cell col={4}>
        <ToggleField
          name="eligibility.excludeSelfReferral"
          label={t('programs.field.excludeSelfReferral')}
          hint={t('programs.field.excludeSelfReferral.hint')}
          value={eligibility.excludeSelfReferral}
          onChange={(excludeSelfReferral) => set({ excludeSelfReferral })}
        />
      </Cell>
      <Cell col={4}>
        <ToggleField
          name="eligibility.excludePartnerPaid"
          label={t('programs.field.excludePartnerPaid')}
          hint={t('programs.field.excludePartnerPaid.hint')}
          value={eligibility.excludePartnerPaid}
          onChange={(excludePartnerPaid) => set({ excludePartnerPaid })}
        />
      </Cell>
    </FormSection>
  );
};
