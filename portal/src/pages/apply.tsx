import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import type { ApplicationRequest, ApplicationResponse } from '../../../plugin/contracts/partners';
import type { PartnerType } from '../../../plugin/model';
import type { ApplicationPage } from '../api/types';
import { Brand } from '../components/layout';
import { ErrorNote, Loading } from '../components/ui';
import { useResource } from '../use-resource';

const PARTNER_TYPES = [
  { value: 'affiliate', label: 'Affiliate / creator' },
  { value: 'agency', label: 'Agency' },
  { value: 'reseller', label: 'Reseller' },
  { value: 'integration', label: 'Integration / technology partner' },
  { value: 'customer', label: 'Customer' },
];

type Fields = Record<'name' | 'email' | 'company' | 'website' | 'type' | 'message', string>;

/** `/apply/:programSlug?recruit=code`: the public application form of one program. */
export function ApplyPage() {
  const { programSlug = '' } = useParams();
  const [params] = useSearchParams();
  const recruitCode = params.get('recruit') ?? undefined;
  const program = useResource(
    () =>
      api
        .get<{ data: ApplicationPage }>(
          `/partners/programs/${encodeURIComponent(programSlug)}/application`,
          { auth: false }
        )
        .then((answer) => answer.data),
    programSlug
  );
  const [fields, setFields] = useState<Fields>({
    name: '',
    email: '',
    company: '',
    website: '',
    type: 'affiliate',
    message: '',
  });
  const [accepted, setAccepted] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [result, setResult] = useState<'applied' | 'approved' | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof Fields) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [name]: event.target.value });

  if (program.loading) return <Loading />;
  if (program.error || !program.data) {
    const missing = program.error instanceof ApiError && program.error.status === 404;
    return (
      <main className="auth-page">
        <div className="auth-card">
          <Brand />
          <h1>{missing ? 'Program not found' : 'Something went wrong'}</h1>
          <p className="muted">
            {missing ? 'This program does not take applications.' : program.error?.message}
          </p>
        </div>
      </main>
    );
  }
  const data = program.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const optional = (value: string) => value.trim() || undefined;
    try {
      const body: ApplicationRequest = {
        data: {
          program: data.slug,
          name: fields.name.trim(),
          email: fields.email.trim(),
          company: optional(fields.company),
          website: optional(fields.website),
          type: fields.type as PartnerType,
          message: optional(fields.message),
          recruitCode,
          acceptTerms: true,
          termsVersion: data.termsVersion,
        },
      };
      const answer = await api.post<ApplicationResponse>('/partners/applications', body, {
        auth: false,
      });
      setResult(answer.data.status);
    } catch (caught) {
      setError(caught as Error);
    }
    setBusy(false);
  };

  if (result) {
    return (
      <main className="auth-page">
        <div className="auth-card">
          <Brand />
          <h1>{result === 'approved' ? 'You are in!' : 'Application received'}</h1>
          <p className="muted">
            {result === 'approved'
              ? `Check ${fields.email} for the invitation to set your password.`
              : `Thank you. The ${data.name} team reviews applications and writes to ${fields.email}.`}
          </p>
          <Link className="button button-block" to="/login">
            Go to sign in
          </Link>
        </div>
      </main>
    );
  }

  if (data.applicationMode === 'invite-only') {
    return (
      <main className="auth-page">
        <div className="auth-card">
          <Brand />
          <h1>{data.name}</h1>
          <p className="muted">This program is by invitation only.</p>
        </div>
      </main>
    );
  }

  return (
    <main className="auth-page">
      <form className="auth-card auth-card-wide" onSubmit={submit}>
        <Brand />
        <h1>Apply to {data.name}</h1>
        <p className="muted">
          {data.applicationMode === 'open'
            ? 'Approval is immediate: you receive an invitation to set your password.'
            : 'The program team reviews every application.'}
        </p>
        <ErrorNote error={error} />
        <div className="form-grid">
          <label className="field">
            <span>Full name</span>
            <input required maxLength={200} value={fields.name} onChange={set('name')} />
          </label>
          <label className="field">
            <span>Email</span>
            <input type="email" required value={fields.email} onChange={set('email')} />
          </label>
          <label className="field">
            <span>Company (optional)</span>
            <input maxLength={200} value={fields.company} onChange={set('company')} />
          </label>
          <label className="field">
            <span>Website (optional)</span>
            <input
              type="url"
              placeholder="https://"
              value={fields.website}
              onChange={set('website')}
            />
          </label>
          <label className="field">
            <span>You are</span>
            <select value={fields.type} onChange={set('type')}>
              {PARTNER_TYPES.map((type) => (
                <option key={type.value} value={type.value}>
                  {type.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span>How will you promote us? (optional)</span>
          <textarea rows={3} maxLength={2000} value={fields.message} onChange={set('message')} />
        </label>
        {data.terms && (
          <section className="terms">
            <h2>
              Program terms
              {data.termsVersion && (
                <span className="muted small"> · version {data.termsVersion}</span>
              )}
            </h2>
            <div className="terms-text">{data.terms}</div>
          </section>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            required
            checked={accepted}
            onChange={(event) => setAccepted(event.target.checked)}
          />
          <span>I accept the program terms.</span>
        </label>
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={busy || !accepted}
        >
          {busy ? 'Sending…' : 'Send application'}
        </button>
      </form>
    </main>
  );
}
