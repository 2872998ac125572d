import { useEffect, useState, type ReactNode } from 'react';
import { download } from '../api/client';
import type { Pagination as PaginationMeta } from '../api/types';
import type { Resource } from '../use-resource';
import { label } from '../format';

export function PageHeader(props: { title: string; description?: string; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.description && <p className="muted">{props.description}</p>}
      </div>
      {props.actions && <div className="page-actions">{props.actions}</div>}
    </header>
  );
}

export function Card(props: {
  title?: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`card ${props.className ?? ''}`}>
      {(props.title || props.actions) && (
        <div className="card-header">
          {props.title && <h2>{props.title}</h2>}
          {props.actions}
        </div>
      )}
      {props.children}
    </section>
  );
}

const TONES: Record<string, string> = {
  approved: 'success',
  paid: 'success',
  customer: 'success',
  converted: 'success',
  won: 'success',
  active: 'success',
  live: 'success',
  drafted: 'info',
  unpublished: 'neutral',
  pending: 'warning',
  'on-hold': 'warning',
  applied: 'warning',
  submitted: 'warning',
  processing: 'warning',
  lead: 'info',
  invited: 'info',
  blocked: 'danger',
  'signed-up': 'info',
  registered: 'info',
  reversed: 'danger',
  rejected: 'danger',
  failed: 'danger',
  lost: 'danger',
  canceled: 'danger',
  cancelled: 'danger',
  churned: 'danger',
};

/** Words that differ from the state's name: a held entry is "under review", never why. */
const WORDS: Record<string, string> = {
  'on-hold': 'Under review',
  drafted: 'Awaiting your approval',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge-${TONES[status] ?? 'neutral'}`}>
      {WORDS[status] ?? label(status)}
    </span>
  );
}

/** Copies `text`; the clipboard API needs a secure context, the textarea fallback does not. */
export async function copyText(text: string) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

export function CopyButton({ text, label: name = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () =>
    copyText(text).then(
      () => setState('copied'),
      () => setState('failed')
    );
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button type="button" className="button button-small" onClick={copy} data-copy={text}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : name}
    </button>
  );
}

export function Pager(props: { pagination?: PaginationMeta; onPage: (page: number) => void }) {
  const { pagination } = props;
  if (!pagination || pagination.pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button
        type="button"
        className="button button-small"
        disabled={pagination.page <= 1}
        onClick={() => props.onPage(pagination.page - 1)}
      >
        Previous
      </button>
      <span className="muted">
        Page {pagination.page} of {pagination.pageCount} · {pagination.total} in all
      </span>
      <button
        type="button"
        className="button button-small"
        disabled={pagination.page >= pagination.pageCount}
        onClick={() => props.onPage(pagination.page + 1)}
      >
        Next
      </button>
    </nav>
  );
}

/** "Download CSV": saves the export at `path` as `filename`; a failure goes to `onError`. */
export function CsvButton(props: {
  path: string;
  filename: string;
  onError: (error: Error) => void;
}) {
  return (
    <button
      type="button"
      className="button"
      onClick={() => download(props.path, props.filename).catch(props.onError)}
    >
      Download CSV
    </button>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function ErrorNote({ error }: { error: Error | null | undefined }) {
  if (!error) return null;
  return (
    <p className="notice notice-error" role="alert">
      {error.message}
    </p>
  );
}

/**
 * A loaded list's body: its error, then "Loading…" until the first answer, `empty` when it has
 * no rows, else the list itself.
 */
export function ListBody(props: {
  resource: Resource<unknown>;
  rows: number;
  empty: ReactNode;
  children: ReactNode;
}) {
  const { resource } = props;
  return (
    <>
      <ErrorNote error={resource.error} />
      {resource.loading && !resource.data ? (
        <Loading />
      ) : props.rows === 0 ? (
        <Empty>{props.empty}</Empty>
      ) : (
        props.children
      )}
    </>
  );
}

export function Loading() {
  return (
    <p className="muted loading" aria-busy="true">
      Loading…
    </p>
  );
}

/** A row of tabs that filter a list (`All`, `Pending`, …). */
export function Tabs<T extends string>(props: {
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  name: string;
}) {
  return (
    <div className="segmented" role="tablist" aria-label={props.name}>
      {props.options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="tab"
          aria-selected={props.value === option.value}
          className={props.value === option.value ? 'active' : ''}
          onClick={() => props.onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
