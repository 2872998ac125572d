import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { PortalProfile, UpdateProfileRequest } from '../api/types';
import { Card, ErrorNote, PageHeader } from '../components/ui';
import { useSession } from '../session';

/** The partner's own contact name, company and website; the program team sees the same. */
export function ProfilePage() {
  const { me, reloadMe } = useSession();
  const [name, setName] = useState(me.partner.name);
  const [company, setCompany] = useState(me.partner.company ?? '');
  const [website, setWebsite] = useState(me.partner.website ?? '');
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<PortalProfile | null>(null);
  const [busy, setBusy] = useState(false);

  const fields = [
    {
      name: 'name',
      label: 'Contact name',
      value: name,
      set: setName,
      maxLength: 200,
      required: true,
    },
    { name: 'company', label: 'Company', value: company, set: setCompany, maxLength: 200 },
    {
      name: 'website',
      label: 'Website',
      value: website,
      set: setWebsite,
      maxLength: 2048,
      type: 'url',
      placeholder: 'https://',
    },
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: UpdateProfileRequest = {
      data: { name: name.trim(), company: company.trim(), website: website.trim() },
    };
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const answer = await api.put<{ data: PortalProfile }>('/partners/portal/profile', body);
      setSaved(answer.data);
      setName(answer.data.name);
      setCompany(answer.data.company ?? '');
      setWebsite(answer.data.website ?? '');
      reloadMe();
    } catch (caught) {
      setError(caught as Error);
    }
    setBusy(false);
  };

  return (
    <>
      <PageHeader
        title="Profile"
        description="How the program team knows you. Your sign-in e-mail is changed by the program team."
      />
      <Card title="Your details">
        <form onSubmit={submit} className="profile-form">
          <div className="form-grid">
            {fields.map((field) => (
              <label key={field.name} className="field">
                <span>{field.label}</span>
                <input
                  name={field.name}
                  type={field.type ?? 'text'}
                  required={field.required}
                  placeholder={field.placeholder}
                  maxLength={field.maxLength}
                  value={field.value}
                  onChange={(event) => field.set(event.target.value)}
                />
              </label>
            ))}
            <label className="field">
              <span>E-mail</span>
              <input name="email" value={me.partner.email} readOnly disabled />
            </label>
          </div>
          <ErrorNote error={error} />
          {saved && <p className="notice notice-success">Profile saved.</p>}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save profile'}
            </button>
          </div>
        </form>
      </Card>
    </>
  );
}
