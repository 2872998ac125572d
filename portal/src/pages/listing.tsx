import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { ApplyListingRequest, PortalListing, PortalListingResponse } from '../api/types';
import { Card, ErrorNote, Loading, PageHeader, StatusBadge } from '../components/ui';
import { useResource } from '../use-resource';

/** "SEO, Paid search" → ["SEO", "Paid search"]. */
const listOf = (text: string) =>
  text
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean);

/** What each state means for the partner, in one sentence. */
const EXPLANATION: Record<PortalListing['status'], string> = {
  applied: 'Your application is with the program team, who will write a draft listing for you.',
  drafted: 'The program team wrote a draft. Review it and approve it to publish it.',
  live: 'Your listing is in the public directory.',
  unpublished: 'The program team took your listing out of the directory. You can apply again.',
  rejected: 'The program team declined your application. You can apply again.',
};

function ListingPreview({
  listing,
}: {
  listing: Pick<
    PortalListing,
    'name' | 'description' | 'services' | 'regions' | 'website' | 'logoUrl'
  >;
}) {
  return (
    <div className="listing-preview">
      {listing.logoUrl && <img src={listing.logoUrl} alt="" className="listing-logo" />}
      <h3>{listing.name}</h3>
      <p className="listing-description">{listing.description}</p>
      <p>
        <strong>Services:</strong> {listing.services.join(', ') || '—'}
      </p>
      <p>
        <strong>Regions:</strong> {listing.regions.join(', ') || '—'}
      </p>
      {listing.website && (
        <p>
          <strong>Website:</strong> {listing.website}
        </p>
      )}
    </div>
  );
}

function ApplicationForm(props: {
  listing: PortalListing | null;
  onSaved: (listing: PortalListing, message: string) => void;
}) {
  const current = props.listing?.status === 'applied' ? props.listing : null;
  const [description, setDescription] = useState(current?.description ?? '');
  const [services, setServices] = useState(current?.services.join(', ') ?? '');
  const [regions, setRegions] = useState(current?.regions.join(', ') ?? '');
  const [website, setWebsite] = useState(current?.website ?? '');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: ApplyListingRequest = {
      data: {
        description: description.trim(),
        services: listOf(services),
        regions: listOf(regions),
        website: website.trim() || null,
      },
    };
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<PortalListingResponse>('/partners/portal/listing', body);
      if (answer.data) props.onSaved(answer.data, 'Application sent to the program team.');
    } catch (caught) {
      setError(caught as Error);
    }
    setBusy(false);
  };

  return (
    <form onSubmit={submit} className="listing-form">
      <label className="field">
        <span>About your agency</span>
        <textarea
          name="description"
          required
          maxLength={2000}
          rows={5}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <div className="form-grid">
        <label className="field">
          <span>Services (comma separated)</span>
          <input
            name="services"
            required
            value={services}
            onChange={(event) => setServices(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Regions (comma separated)</span>
          <input
            name="regions"
            value={regions}
            onChange={(event) => setRegions(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Website</span>
          <input
            name="website"
            type="url"
            placeholder="https://"
            maxLength={2048}
            value={website}
            onChange={(event) => setWebsite(event.target.value)}
          />
        </label>
      </div>
      <ErrorNote error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Sending…' : current ? 'Update application' : 'Apply for a listing'}
        </button>
      </div>
    </form>
  );
}

function LogoUpload(props: { onSaved: (listing: PortalListing, message: string) => void }) {
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.append('logo', file);
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<PortalListingResponse>('/partners/portal/listing/logo', form);
      if (answer.data) props.onSaved(answer.data, 'Logo uploaded.');
    } catch (caught) {
      setError(caught as Error);
    }
    setBusy(false);
  };

  return (
    <div className="listing-logo-upload">
      <label className="field">
        <span>Logo (PNG, JPEG, WebP or GIF, at most 1 MB)</span>
        <input
          name="logo"
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          disabled={busy}
          onChange={(event) => upload(event.target.files?.[0])}
        />
      </label>
      <ErrorNote error={error} />
    </div>
  );
}

/**
 * The partner's directory listing: apply, upload a logo, review the program team's draft and
 * approve it so it goes live (docs/directory.md). Every message says what the server answered.
 */
export function ListingPage() {
  const resource = useResource(
    () => api.get<PortalListingResponse>('/partners/portal/listing'),
    'listing'
  );
  const [answer, setAnswer] = useState<{ listing: PortalListing; message: string } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const listing = answer?.listing ?? resource.data?.data ?? null;
  const saved = (next: PortalListing, message: string) => setAnswer({ listing: next, message });

  const approve = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<PortalListingResponse>('/partners/portal/listing/approve', {});
      if (next.data) saved(next.data, 'Approved: your listing is live in the directory.');
    } catch (caught) {
      setError(caught as Error);
    }
    setBusy(false);
  };

  if (resource.loading && !resource.data) return <Loading />;
  const canApply = !listing || ['applied', 'rejected', 'unpublished'].includes(listing.status);

  return (
    <>
      <PageHeader
        title="Directory listing"
        description="Apply for a listing in the public partner directory. The program team drafts it; you approve it before it goes live."
      />
      <ErrorNote error={resource.error} />
      {answer && <p className="notice notice-success">{answer.message}</p>}
      {listing && (
        <Card title="Status" actions={<StatusBadge status={listing.status} />}>
          <p>{EXPLANATION[listing.status]}</p>
          {listing.publicPath && (
            <p>
              Public page: <a href={listing.publicPath}>{listing.publicPath}</a>
            </p>
          )}
        </Card>
      )}
      {listing?.status === 'drafted' && (
        <Card title="Draft awaiting your approval">
          <ListingPreview listing={listing} />
          {listing.live && (
            <p className="muted">
              Until you approve, the directory keeps showing your approved listing.
            </p>
          )}
          <ErrorNote error={error} />
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={approve}
            >
              {busy ? 'Approving…' : 'Approve and publish'}
            </button>
          </div>
        </Card>
      )}
      {listing?.live && (
        <Card title="In the directory">
          <ListingPreview listing={listing.live} />
        </Card>
      )}
      {canApply && (
        <Card title={listing?.status === 'applied' ? 'Your application' : 'Apply for a listing'}>
          <ApplicationForm key={listing?.updatedAt ?? 'new'} listing={listing} onSaved={saved} />
          {listing?.status === 'applied' && (
            <>
              {listing.logoUrl && (
                <img src={listing.logoUrl} alt="Your logo" className="listing-logo" />
              )}
              <LogoUpload onSaved={saved} />
            </>
          )}
        </Card>
      )}
    </>
  );
}
