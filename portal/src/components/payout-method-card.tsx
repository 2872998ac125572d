import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { PayoutMethod, PayoutMethodInput } from '../api/types';
import { Card, ErrorNote, Loading } from './ui';
import { useResource } from '../use-resource';

type MethodType = PayoutMethodInput['type'];

const describe = (method: PayoutMethod | null) => {
  if (!method) return 'No payout method yet: choose one so we can pay you.';
  if (method.type === 'paypal') return `PayPal · ${method.email}`;
  if (method.type === 'bank') return `US bank account · ${method.holder} · ••••${method.last4}`;
  if (method.type === 'stripe') return 'Stripe (connected account)';
  return 'Account credit with us';
};

/**
 * The active payout method: PayPal, US bank account, account credit or Stripe Connect. Saving
 * keeps the earlier methods (GET /payout-methods) and makes the new one active.
 */
export function PayoutMethodCard() {
  const current = useResource(
    () =>
      api
        .get<{ data: PayoutMethod | null }>('/partners/portal/payout-method')
        .then((answer) => answer.data),
    'payout-method'
  );
  const [editing, setEditing] = useState(false);
  const [type, setType] = useState<MethodType>('paypal');
  const [email, setEmail] = useState('');
  const [holder, setHolder] = useState('');
  const [routingNumber, setRoutingNumber] = useState('');
  const [accountNumber, setAccountNumber] = useState('');
  const [accountId, setAccountId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<Error | null>(null);
  /** What the server did with the e-mail notice of the change. */
  const [saved, setSaved] = useState<{ mailed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const edit = () => {
    setType(current.data ? current.data.type : 'paypal');
    setEmail(current.data?.type === 'paypal' ? current.data.email : '');
    setHolder(current.data?.type === 'bank' ? current.data.holder : '');
    setRoutingNumber('');
    setAccountNumber('');
    setAccountId('');
    setPassword('');
    setError(null);
    setSaved(null);
    setEditing(true);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: PayoutMethodInput =
      type === 'paypal'
        ? { type, email: email.trim() }
        : type === 'bank'
          ? {
              type,
              holder: holder.trim(),
              routingNumber: routingNumber.trim(),
              accountNumber: accountNumber.trim(),
            }
          : type === 'stripe'
            ? { type, accountId: accountId.trim() }
            : { type };
    setBusy(true);
    setError(null);
    try {
      const answer = await api.put<{ meta: { notice?: { mailed: boolean } } }>(
        '/partners/portal/payout-method',
        { data: { ...body, password } }
      );
      setEditing(false);
      setSaved({ mailed: answer.meta.notice?.mailed ?? false });
      current.reload();
    } catch (caught) {
      setError(caught as Error);
    }
    setBusy(false);
  };

  return (
    <Card
      title="Payout method"
      actions={
        !editing && (
          <button type="button" className="button button-small" onClick={edit}>
            {current.data ? 'Change' : 'Add'}
          </button>
        )
      }
    >
      {current.loading && !current.data ? (
        <Loading />
      ) : (
        !editing && (
          <p className="payout-method" data-method={current.data?.type ?? 'none'}>
            {describe(current.data)}
          </p>
        )
      )}
      {saved && !editing && (
        <p className="notice notice-success">
          Payout method saved and made active.{' '}
          {saved.mailed
            ? 'We e-mailed you a notice of the change.'
            : 'The e-mail notice of the change could not be sent.'}
        </p>
      )}
      <ErrorNote error={current.error} />
      {editing && (
        <form onSubmit={submit} className="method-form">
          <fieldset className="choices">
            <legend className="sr-only">Method</legend>
            {(
              [
                ['paypal', 'PayPal'],
                ['bank', 'US bank account'],
                ['credit', 'Account credit'],
                ['stripe', 'Stripe Connect'],
              ] as const
            ).map(([value, text]) => (
              <label key={value} className={`choice ${type === value ? 'active' : ''}`}>
                <input
                  type="radio"
                  name="method"
                  value={value}
                  checked={type === value}
                  onChange={() => setType(value)}
                />
                {text}
              </label>
            ))}
          </fieldset>
          {type === 'paypal' && (
            <label className="field">
              <span>PayPal email</span>
              <input
                type="email"
                name="paypalEmail"
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            </label>
          )}
          {type === 'bank' && (
            <div className="form-grid">
              <label className="field">
                <span>Account holder</span>
                <input
                  name="holder"
                  required
                  value={holder}
                  onChange={(event) => setHolder(event.target.value)}
                />
              </label>
              <label className="field">
                <span>Routing number (ABA)</span>
                <input
                  name="routingNumber"
                  required
                  inputMode="numeric"
                  pattern="[0-9]{9}"
                  value={routingNumber}
                  onChange={(event) => setRoutingNumber(event.target.value)}
                />
              </label>
              <label className="field">
                <span>Account number</span>
                <input
                  name="accountNumber"
                  required
                  inputMode="numeric"
                  pattern="[0-9]{4,17}"
                  autoComplete="off"
                  value={accountNumber}
                  onChange={(event) => setAccountNumber(event.target.value)}
                />
              </label>
              <p className="muted small">Stored encrypted; only the last four digits are shown.</p>
            </div>
          )}
          {type === 'credit' && (
            <p className="muted">Your earnings are credited to your customer account with us.</p>
          )}
          {type === 'stripe' && (
            <label className="field">
              <span>Stripe account id</span>
              <input
                name="stripeAccountId"
                required
                placeholder="acct_…"
                value={accountId}
                onChange={(event) => setAccountId(event.target.value)}
              />
            </label>
          )}
          <label className="field">
            <span>Your password (asked again for any change of payout details)</span>
            <input
              type="password"
              name="currentPassword"
              required
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
          <ErrorNote error={error} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save payout method'}
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Card>
  );
}
