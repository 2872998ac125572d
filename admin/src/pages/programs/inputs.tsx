import * as React from 'react';
import {
  Box,
  DatePicker,
  Field,
  Flex,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Toggle,
  VisuallyHidden,
} from '@strapi/design-system';
import type { Rate } from '../../../../plugin/contracts/rules';
import { isCurrency, parseMinorUnits, toDecimalString } from '../../../../plugin/currency';
import { useT } from '../../hooks/useT';

/** A NumberInput in the currency's major units over an amount kept in minor units. */
const useMoneyInput = (currency: string) => {
  const t = useT();
  const [invalid, setInvalid] = React.useState(false);
  // While the program's currency is still being typed, amounts read as cents.
  const code = isCurrency(currency) ? currency : 'USD';
  return {
    error: invalid ? t('rate.invalidAmount', { currency }) : undefined,
    step: Number(toDecimalString(1, code)),
    shown: (amount: number) => Number(toDecimalString(amount, code)),
    parse: (typed: number) => parseMinorUnits(typed, code),
    /** Passes the typed number on in minor units; one the currency cannot hold is held back. */
    change: (typed: number | undefined, onAmount: (amount: number | null) => void) => {
      const amount = typed === undefined ? null : parseMinorUnits(typed, code);
      const valid = typed === undefined || amount !== null;
      setInvalid(!valid);
      if (valid) onAmount(amount);
    },
  };
};

interface FieldProps {
  name: string;
  label: string;
  hint?: React.ReactNode;
  required?: boolean;
}

/** An amount typed in major units ("39.00") and kept in minor units (3900). */
export const MoneyField = ({
  name,
  label,
  hint,
  currency,
  value,
  onChange,
}: FieldProps & {
  currency: string;
  value: number | null;
  onChange: (amount: number | null) => void;
}) => {
  const money = useMoneyInput(currency);
  return (
    <Field.Root name={name} hint={hint} error={money.error}>
      <Field.Label>{`${label} (${currency})`}</Field.Label>
      <NumberInput
        value={value === null ? undefined : money.shown(value)}
        step={money.step}
        onValueChange={(next) => money.change(next, onChange)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

/** A whole number (days, months, a threshold). */
export const IntegerField = ({
  name,
  label,
  hint,
  value,
  onChange,
  required,
}: FieldProps & { value: number | null; onChange: (value: number | null) => void }) => (
  <Field.Root name={name} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <NumberInput
      value={value ?? undefined}
      step={1}
      onValueChange={(next) => onChange(next === undefined ? null : Math.round(next))}
    />
    <Field.Hint />
  </Field.Root>
);

export const TextField = ({
  name,
  label,
  hint,
  value,
  onChange,
  required,
  placeholder,
}: FieldProps & {
  value: string | null;
  onChange: (value: string) => void;
  placeholder?: string;
}) => (
  <Field.Root name={name} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <TextInput
      value={value ?? ''}
      placeholder={placeholder}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
    />
    <Field.Hint />
  </Field.Root>
);

export const SelectField = <V extends string>({
  name,
  label,
  hint,
  value,
  options,
  onChange,
}: FieldProps & {
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (value: V) => void;
}) => (
  <Field.Root name={name} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect value={value} onChange={(next) => onChange(String(next) as V)}>
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
    <Field.Hint />
  </Field.Root>
);

export const ToggleField = ({
  name,
  label,
  hint,
  value,
  onChange,
}: FieldProps & { value: boolean; onChange: (value: boolean) => void }) => {
  const t = useT();
  return (
    <Field.Root name={name} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <Toggle
        checked={value}
        onLabel={t('toggle.on')}
        offLabel={t('toggle.off')}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.checked)}
      />
      <Field.Hint />
    </Field.Root>
  );
};

/** A rate: a percentage of the amount (basis points) or a flat amount in the program currency. */
export const RateField = ({
  name,
  label,
  hint,
  currency,
  value,
  onChange,
  allowPerUnit = false,
}: FieldProps & {
  currency: string;
  value: Rate;
  onChange: (rate: Rate) => void;
  allowPerUnit?: boolean;
}) => {
  const t = useT();
  const money = useMoneyInput(currency);
  // Two inputs under one visible label: each is named by the label and a hidden word of its own
  // ("Commission Rate type", "Commission Percentage").
  const id = `rate-${name.replace(/\W+/g, '-')}`;
  const part = (what: string) => `${id}-label ${id}-${what}`;
  return (
    <Field.Root name={name} hint={hint} error={money.error} id={id}>
      <Field.Label>{label}</Field.Label>
      <VisuallyHidden id={`${id}-type`}>{t('rate.type')}</VisuallyHidden>
      <VisuallyHidden id={`${id}-value`}>
        {value.type === 'percentage' ? t('rate.percent') : t('rate.amount')}
      </VisuallyHidden>
      <Flex gap={2} alignItems="flex-start" wrap="wrap">
        <Box width="14rem">
          <SingleSelect
            aria-labelledby={part('type')}
            value={value.type}
            onChange={(type) =>
              onChange(
                type === 'percentage'
                  ? { type: 'percentage', bps: 2000 }
                  : { type: 'flat', amount: money.parse(10) ?? 0 }
              )
            }
          >
            <SingleSelectOption value="percentage">{t('rate.percentage')}</SingleSelectOption>
            <SingleSelectOption value="flat">{t('rate.flat', { currency })}</SingleSelectOption>
          </SingleSelect>
        </Box>
        <Box flex="1" minWidth="8rem">
          {value.type === 'percentage' ? (
            <NumberInput
              aria-labelledby={part('value')}
              name={`${name}.percent`}
              value={value.bps / 100}
              step={0.01}
              endAction={<span>%</span>}
              onValueChange={(next) =>
                onChange({ type: 'percentage', bps: Math.round((next ?? 0) * 100) })
              }
            />
          ) : (
            <NumberInput
              aria-labelledby={part('value')}
              name={`${name}.amount`}
              value={money.shown(value.amount)}
              step={money.step}
              endAction={<span>{currency}</span>}
              onValueChange={(next) =>
                money.change(next ?? 0, (amount) => onChange({ ...value, amount: amount ?? 0 }))
              }
            />
          )}
        </Box>
        {allowPerUnit && value.type === 'flat' ? (
          <Box paddingTop={2}>
            <Toggle
              checked={Boolean(value.perUnit)}
              onLabel={t('rate.perUnit')}
              offLabel={t('rate.perOrder')}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                onChange({ ...value, perUnit: event.target.checked || undefined })
              }
            />
          </Box>
        ) : null}
      </Flex>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

/** A calendar day stored as midnight UTC of that day ("2026-01-01T00:00:00.000Z"). */
export const DayField = ({
  name,
  label,
  hint,
  value,
  onChange,
}: FieldProps & { value: string | null; onChange: (iso: string | null) => void }) => {
  const day = value ? new Date(value) : undefined;
  const shown = day
    ? new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate())
    : undefined;
  return (
    <Field.Root name={name} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <DatePicker
        value={shown}
        clearLabel={label}
        onClear={() => onChange(null)}
        onChange={(date) =>
          onChange(
            date
              ? new Date(
                  Date.UTC(date.getFullYear(), date.getMonth(), date.getDate())
                ).toISOString()
              : null
          )
        }
      />
      <Field.Hint />
    </Field.Root>
  );
};
