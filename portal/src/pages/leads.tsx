import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Listed, PortalDeal, PortalReferral } from '../api/types';
import { DealAttachments } from '../components/file-list';
import { Card, ErrorNote, ListBody, PageHeader, StatusBadge } from '../components/ui';
import { date, money } from '../format';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { parseMinorUnits } from '../../../plugin/currency';

/** The program a lead or deal is for; shown only to a partner in more than one program. */
function ProgramField(props: { value: string; onChange: (slug: string) => void }) {
  const { me } = useSession();
  if (me.programs.length <= 1) return null;
  return (
    <label className="field">
      <span>Program</span>
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {me.programs.map((entry) => (
          <option key={entry.slug} value={entry.slug}>
            {entry.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function LeadForm({ onAdded }: { onAdded: () => void }) {
  const { me } = useSession();
  const [program, setProgram] = useState(me.programs[0]?.slug ?? '');
  const [fields, setFields] = useState({ email: '', firstName: '', lastName: '', company: '' });
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState(false);
  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [name]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(false);
    try {
      const optional = (value: string) => value.trim() || undefined;
      await api.post('/partners/portal/leads', {
        data: {
          program,
          email: fields.email.trim(),
          firstName: optional(fields.firstName),
          lastName: optional(fields.lastName),
          company: optional(fields.company),
        },
      });
      setFields({ email: '', firstName: '', lastName: '', company: '' });
      setDone(true);
      onAdded();
    } catch (caught) {
      setError(caught as Error);
    }
  };

  return (
    <form onSubmit={submit}>
      <div className="form-grid">
        <ProgramField value={program} onChange={setProgram} />
        <label className="field">
          <span>Email</span>
          <input type="email" required value={fields.email} onChange={set('email')} />
        </label>
        <label className="field">
          <span>First name</span>
          <input value={fields.firstName} onChange={set('firstName')} />
        </label>
        <label className="field">
          <span>Last name</span>
          <input value={fields.lastName} onChange={set('lastName')} />
        </label>
        <label className="field">
          <span>Company</span>
          <input value={fields.company} onChange={set('company')} />
        </label>
      </div>
      <ErrorNote error={error} />
      {done && <p className="notice notice-success">Lead added.</p>}
      <button type="submit" className="button button-primary">
        Add lead
      </button>
    </form>
  );
}

function DealForm({ onAdded }: { onAdded: () => void }) {
  const { me } = useSession();
  const [program, setProgram] = useState(me.programs[0]?.slug ?? '');
  const currency = me.programs.find((entry) => entry.slug === program)?.currency ?? 'USD';
  const [fields, setFields] = useState({
    company: '',
    contactName: '',
    contactEmail: '',
    value: '',
    domain: '',
    expectedCloseAt: '',
  });
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<PortalDeal | null>(null);
  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [name]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    const estimatedValue = parseMinorUnits(fields.value, currency);
    if (estimatedValue === null || estimatedValue < 0) {
      setError(new Error(`Enter the estimated value in ${currency}, like 1200 or 1200.50.`));
      return;
    }
    try {
      const answer = await api.post<{ data: PortalDeal }>('/partners/portal/deals', {
        data: {
          program,
          company: fields.company.trim(),
          contactName: fields.contactName.trim(),
          contactEmail: fields.contactEmail.trim(),
          estimatedValue,
          currency,
          domain: fields.domain.trim() || undefined,
          expectedCloseAt: fields.expectedCloseAt || undefined,
        },
      });
      setFields({
        company: '',
        contactName: '',
        contactEmail: '',
        value: '',
        domain: '',
        expectedCloseAt: '',
      });
      setDone(answer.data);
      onAdded();
    } catch (caught) {
      setError(caught as Error);
    }
  };

  return (
    <form onSubmit={submit}>
      <div className="form-grid">
        <ProgramField value={program} onChange={setProgram} />
        <label className="field">
          <span>Company</span>
          <input required value={fields.company} onChange={set('company')} />
        </label>
        <label className="field">
          <span>Contact name</span>
          <input required value={fields.contactName} onChange={set('contactName')} />
        </label>
        <label className="field">
          <span>Contact email</span>
          <input type="email" required value={fields.contactEmail} onChange={set('contactEmail')} />
        </label>
        <label className="field">
          <span>Estimated value ({currency})</span>
          <input required inputMode="decimal" value={fields.value} onChange={set('value')} />
        </label>
        <label className="field">
          <span>Web domain</span>
          <input
            name="domain"
            placeholder="acme.com"
            value={fields.domain}
            onChange={set('domain')}
          />
        </label>
        <label className="field">
          <span>Expected close</span>
          <input
            type="date"
            name="expectedCloseAt"
            value={fields.expectedCloseAt}
            onChange={set('expectedCloseAt')}
          />
        </label>
      </div>
      <ErrorNote error={error} />
      {done && (
        <p className="notice notice-success">
          {done.held
            ? 'Deal registered and held: another registration names this customer, so the team decides.'
            : 'Deal registered: the team reviews it.'}
        </p>
      )}
      <button type="submit" className="button button-primary">
        Register deal
      </button>
    </form>
  );
}

const OPEN_STATES = new Set<string>(['submitted', 'approved']);

/** What a deal's state means for the partner; a held deal names no one. */
const dealStateNote = (deal: PortalDeal) => {
  if (deal.status === 'submitted')
    return deal.held
      ? 'Held: another registration names this customer; the team decides.'
      : 'Waiting for the team to review it.';
  if (deal.status === 'approved') return 'Approved: the customer is protected for you.';
  if (deal.status === 'won') return 'Won: the customer’s orders credit you.';
  if (deal.status === 'lost') return 'Lost: the customer did not buy.';
  if (deal.status === 'expired') return 'Expired: the claim ran out before the deal closed.';
  return 'Rejected by the team.';
};

/** Leads the partner adds by hand, and deals registered for approval (agencies, resellers). */
export function LeadsPage() {
  const leads = useResource(
    () => api.get<Listed<PortalReferral>>('/partners/portal/leads?pageSize=100'),
    'leads'
  );
  const deals = useResource(
    () => api.get<Listed<PortalDeal>>('/partners/portal/deals?pageSize=100'),
    'deals'
  );
  return (
    <>
      <PageHeader
        title="Leads & deals"
        description="Add a lead you introduced, or register a deal so it is protected for you."
      />
      <div className="split-even">
        <Card title="Add a lead">
          <LeadForm onAdded={leads.reload} />
        </Card>
        <Card title="Register a deal">
          <DealForm onAdded={deals.reload} />
        </Card>
      </div>
      <Card title="Your leads">
        <ListBody resource={leads} rows={(leads.data?.data ?? []).length} empty="No leads yet.">
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Lead</th>
                  <th>Status</th>
                  <th>Added</th>
                </tr>
              </thead>
              <tbody>
                {(leads.data?.data ?? []).map((lead) => (
                  <tr key={lead.id}>
                    <td>
                      {lead.name || lead.email || <code>{lead.id}</code>}
                      {lead.name && lead.email && <div className="muted small">{lead.email}</div>}
                    </td>
                    <td>
                      <StatusBadge status={lead.status} />
                    </td>
                    <td>{date(lead.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ListBody>
      </Card>
      <Card title="Your deals">
        <ListBody
          resource={deals}
          rows={(deals.data?.data ?? []).length}
          empty="No deals registered yet."
        >
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Company</th>
                  <th>Contact</th>
                  <th>State</th>
                  <th>Expected close</th>
                  <th>Claim until</th>
                  <th className="numeric">Estimated value</th>
                  <th>Files</th>
                </tr>
              </thead>
              <tbody>
                {(deals.data?.data ?? []).map((deal) => (
                  <tr key={deal.documentId}>
                    <td>
                      {deal.company}
                      {deal.domain && <div className="muted small">{deal.domain}</div>}
                    </td>
                    <td>
                      {deal.contactName}
                      <div className="muted small">{deal.contactEmail}</div>
                    </td>
                    <td>
                      <StatusBadge status={deal.status} />
                      <div className="muted small">{dealStateNote(deal)}</div>
                      {deal.decisionNote && <div className="muted small">{deal.decisionNote}</div>}
                    </td>
                    <td>{date(deal.expectedCloseAt)}</td>
                    <td>{OPEN_STATES.has(deal.status) ? date(deal.expiresAt) : '—'}</td>
                    <td className="numeric">
                      {deal.estimatedValue !== null && deal.currency
                        ? money(deal.estimatedValue, deal.currency)
                        : '—'}
                    </td>
                    <td>
                      <DealAttachments deal={deal} onChanged={deals.reload} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ListBody>
      </Card>
    </>
  );
}
