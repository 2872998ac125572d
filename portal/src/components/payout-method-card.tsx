import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api/client';
import type {
  PayoutMethod,
  PayoutMethodInput,
  PayoutMethodsResponse,
  SavedPayoutMethod,
} from '../api/types';
import { date } from '../format';
import { useResource } from '../use-resource';
import { Card, ErrorNote, ListBody } from './ui';

type MethodType = PayoutMethodInput['type'];
type Notice = NonNullable<PayoutMethodsResponse['meta']['notice']>;

const describe = (method: PayoutMethod) => {
  if (method.type === 'paypal') return `PayPal · ${method.email}`;
  if (method.type === 'bank') return `US bank account · ${method.holder} · ••••${method.last4}`;
  if (method.type === 'stripe') return 'Stripe (connected account)';
  return 'Account credit with us';
};

/** What the server did with the e-mail notice of a change. */
const noticeText = (notice: Notice | undefined) =>
  notice?.mailed
    ? 'We e-mailed you a notice of the change.'
    : 'The e-mail notice of the change could not be sent.';

/**
 * Sends a change of payout details with the password asked again; `busy` while it runs, the
 * server's refusal in `error` (the form stays open), the answer to `onAnswer`.
 */
function usePasswordChange(
  send: (password: string) => Promise<PayoutMethodsResponse>,
  onAnswer: (answer: PayoutMethodsResponse) => void
) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onAnswer(await send(password));
    } catch (caught) {
      setError(caught as Error);
      setBusy(false);
    }
  };
  return { password, setPassword, error, busy, submit };
}

/** The end of both forms: the password, the server's refusal, submit and cancel. */
function PasswordActions(props: {
  change: ReturnType<typeof usePasswordChange>;
  submit: string;
  busy: string;
  danger?: boolean;
  onCancel: () => void;
}) {
  const { change } = props;
  return (
    <>
      <label className="field">
        <span>Your password (asked again for any change of payout details)</span>
        <input
          type="password"
          name="currentPassword"
          required
          autoComplete="current-password"
          value={change.password}
          onChange={(event) => change.setPassword(event.target.value)}
        />
      </label>
      <ErrorNote error={change.error} />
      <div className="form-actions">
        <button
          type="submit"
          className={`button ${props.danger ? 'button-danger' : 'button-primary'}`}
          disabled={change.busy}
        >
          {change.busy ? props.busy : props.submit}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}

/** Adds another saved method (POST /payout-methods); it becomes active only when it is the first. */
function AddMethodForm(props: {
  onSaved: (answer: PayoutMethodsResponse) => void;
  onCancel: () => void;
}) {
  const [type, setType] = useState<MethodType>('paypal');
  const [email, setEmail] = useState('');
  const [holder, setHolder] = useState('');
  const [routingNumber, setRoutingNumber] = useState('');
  const [accountNumber, setAccountNumber] = useState('');
  const [accountId, setAccountId] = useState('');

  const methodInput = (): PayoutMethodInput =>
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
  const change = usePasswordChange(
    (password) =>
      api.post<PayoutMethodsResponse>('/partners/portal/payout-methods', {
        data: { method: methodInput(), password },
      }),
    props.onSaved
  );

  return (
    <form onSubmit={change.submit} className="method-form" aria-label="Add a payout method">
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
      <PasswordActions
        change={change}
        submit="Save payout method"
        busy="Saving…"
        onCancel={props.onCancel}
      />
    </form>
  );
}

type MethodAction = 'activate' | 'remove';

/** What each action on a saved method says, and where it is sent. */
const ACTIONS: Record<
  MethodAction,
  {
    label: string;
    prompt: (method: ReactNode) => ReactNode;
    submit: string;
    busy: string;
    /** The submit button of an action that cannot be undone. */
    danger: boolean;
    button: string;
    name: (method: string) => string;
  }
> = {
  activate: {
    label: 'Make this method active',
    prompt: (method) => <>Pay me with {method} from now on.</>,
    submit: 'Confirm switch',
    busy: 'Switching…',
    danger: false,
    button: 'Make active',
    name: (method) => `Make ${method} active`,
  },
  remove: {
    label: 'Remove this method',
    prompt: (method) => <>Remove {method} from your payout methods.</>,
    submit: 'Remove method',
    busy: 'Removing…',
    danger: true,
    button: 'Remove',
    name: (method) => `Remove ${method}`,
  },
};

/**
 * The explicit switch (POST /payout-methods/:id/activate) or the removal of a method that is not
 * active (POST /payout-methods/:id/remove), behind the password.
 */
function MethodActionForm(props: {
  saved: SavedPayoutMethod;
  action: MethodAction;
  onDone: (answer: PayoutMethodsResponse) => void;
  onCancel: () => void;
}) {
  const text = ACTIONS[props.action];
  const change = usePasswordChange(
    (password) =>
      api.post<PayoutMethodsResponse>(
        `/partners/portal/payout-methods/${encodeURIComponent(props.saved.id)}/${props.action}`,
        { data: { password } }
      ),
    props.onDone
  );

  return (
    <form onSubmit={change.submit} className="method-form" aria-label={text.label}>
      <p>{text.prompt(<strong>{describe(props.saved.method)}</strong>)}</p>
      <PasswordActions
        change={change}
        submit={text.submit}
        busy={text.busy}
        danger={text.danger}
        onCancel={props.onCancel}
      />
    </form>
  );
}

/**
 * Every saved payout method (PayPal, US bank account, account credit, Stripe Connect), the active
 * one marked: only it is paid. Adding keeps the others; switching and removing one that is not
 * active are their own actions. All ask for the password again, and the message says whether the
 * e-mail notice went out.
 */
export function PayoutMethodCard() {
  const saved = useResource(
    () => api.get<PayoutMethodsResponse>('/partners/portal/payout-methods'),
    'payout-methods'
  );
  const [adding, setAdding] = useState(false);
  const [acting, setActing] = useState<{ id: string; action: MethodAction } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  /** The list a change answered: shown with its message at once, no second request. */
  const [answered, setAnswered] = useState<SavedPayoutMethod[] | null>(null);
  const rows = answered ?? saved.data?.data ?? [];

  const done = (answer: PayoutMethodsResponse, what: (active: SavedPayoutMethod) => string) => {
    const active = answer.data.find((entry) => entry.active);
    setAdding(false);
    setActing(null);
    setAnswered(answer.data);
    setMessage(`${active ? what(active) : 'Saved.'} ${noticeText(answer.meta.notice)}`);
  };

  const added = (answer: PayoutMethodsResponse) =>
    done(answer, (active) =>
      answer.data.length === 1
        ? `Payout method saved: ${describe(active.method)} is your active method.`
        : `Payout method saved. ${describe(active.method)} stays active until you make another one active.`
    );
  const switched = (answer: PayoutMethodsResponse) =>
    done(answer, (active) => `${describe(active.method)} is now your active payout method.`);
  const removed = (method: PayoutMethod) => (answer: PayoutMethodsResponse) =>
    done(
      answer,
      (active) =>
        `${describe(method)} was removed. ${describe(active.method)} is still your active method.`
    );

  return (
    <Card
      title="Payout methods"
      actions={
        !adding && (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setAdding(true);
              setActing(null);
              setMessage(null);
            }}
          >
            {rows.length ? 'Add another method' : 'Add a method'}
          </button>
        )
      }
    >
      <ListBody
        resource={saved}
        rows={rows.length}
        empty="No payout method yet: add one so we can pay you."
      >
        <ul className="payout-methods">
          {rows.map((entry) => (
            <li
              key={entry.id}
              className={`payout-method ${entry.active ? 'payout-method-active' : ''}`}
              data-method={entry.method.type}
              data-active={entry.active}
            >
              <div className="payout-method-row">
                <div>
                  <strong>{describe(entry.method)}</strong>
                  <div className="muted small">Added {date(entry.addedAt)}</div>
                </div>
                {entry.active ? (
                  <span className="badge badge-success">Active</span>
                ) : (
                  acting?.id !== entry.id && (
                    <div className="payout-method-actions">
                      {(['activate', 'remove'] as const).map((action) => (
                        <button
                          key={action}
                          type="button"
                          className="button button-small"
                          aria-label={ACTIONS[action].name(describe(entry.method))}
                          onClick={() => {
                            setActing({ id: entry.id, action });
                            setAdding(false);
                            setMessage(null);
                          }}
                        >
                          {ACTIONS[action].button}
                        </button>
                      ))}
                    </div>
                  )
                )}
              </div>
              {acting?.id === entry.id && (
                <MethodActionForm
                  saved={entry}
                  action={acting.action}
                  onDone={acting.action === 'activate' ? switched : removed(entry.method)}
                  onCancel={() => setActing(null)}
                />
              )}
            </li>
          ))}
        </ul>
      </ListBody>
      {message && (
        <p className="notice notice-success" role="status">
          {message}
        </p>
      )}
      {adding && <AddMethodForm onSaved={added} onCancel={() => setAdding(false)} />}
    </Card>
  );
}
