import { useT } from '../../hooks/useT';
import { Cell, FormSection } from './FormSection';
import { FRAUD_ACTIONS } from '../../../../plugin/model';
import { IntegerField, MoneyField, SelectField } from './inputs';
import type { ProgramForm, ProgramPatch } from './programForm';

type Signals = ProgramForm['fraudSignals'];
type SignalKey = Exclude<keyof Signals, 'largeCommissionAmount' | 'clicksPerMinute'>;

/** The signals in the order the editor shows them (see docs/fraud.md). */
const SIGNALS: SignalKey[] = [
  'selfReferral',
  'clickVelocity',
  'disposableEmail',
  'sharedCustomer',
  'largeCommission',
  'paidTraffic',
];

/**
 * What each fraud signal does to the entries of an order it fires on (SPEC §10): off, flag,
 * hold for review or reject; with the thresholds of the velocity and large-commission signals.
 */
export const FraudSection = ({
  form,
  onChange,
}: {
  form: ProgramForm;
  onChange: (patch: ProgramPatch) => void;
}) => {
  const t = useT();
  const signals = form.fraudSignals;
  const change = (patch: Partial<Signals>) => onChange({ fraudSignals: { ...signals, ...patch } });
  return (
    <FormSection
      id="fraud"
      title={t('programs.section.fraud')}
      description={t('programs.section.fraud.description')}
    >
      {SIGNALS.map((signal) => (
        <Cell key={signal}>
          <SelectField
            name={`fraudSignals.${signal}`}
            label={t(`programs.fraud.${signal}`)}
            hint={t(`programs.fraud.${signal}.hint`)}
            value={signals[signal]}
            options={FRAUD_ACTIONS.map((value) => ({
              value,
              label: t(`programs.fraudAction.${value}`),
            }))}
            onChange={(action) => change({ [signal]: action })}
          />
        </Cell>
      ))}
      <Cell>
        <IntegerField
          name="fraudSignals.clicksPerMinute"
          label={t('programs.field.clicksPerMinute')}
          hint={t('programs.field.clicksPerMinute.hint')}
          value={signals.clicksPerMinute}
          onChange={(value) => change({ clicksPerMinute: value ?? 10 })}
        />
      </Cell>
      <Cell>
        <MoneyField
          name="fraudSignals.largeCommissionAmount"
          label={t('programs.field.largeCommissionAmount')}
          hint={t('programs.field.largeCommissionAmount.hint')}
          currency={form.currency}
          value={signals.largeCommissionAmount ?? null}
          onChange={(largeCommissionAmount) => change({ largeCommissionAmount })}
        />
      </Cell>
    </FormSection>
  );
};
