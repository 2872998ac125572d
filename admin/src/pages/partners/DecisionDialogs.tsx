import * as React from 'react';
import type { PartnerDecisionResponse } from '../../../../plugin/contracts/partners';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useAction } from '../../hooks/useAction';
import { useT } from '../../hooks/useT';
import { InvitationDialog, type InvitationOutcome } from './InvitationNotice';

export type Decision = { kind: 'approve' | 'reject'; documentId: string; name: string } | null;

type Decided = PartnerDecisionResponse['data'];

/**
 * Approving (optional note) or rejecting (reason mailed to the applicant) a partner. What the
 * server did with the e-mail is said as it answered: an invitation that was not mailed opens
 * its link to copy, with the reason.
 */
export const PartnerDecisionDialog = ({
  decision,
  onClose,
  onDone,
}: {
  decision: Decision;
  onClose: () => void;
  onDone: () => void;
}) => {
  const t = useT();
  const api = useAction();
  const [invitation, setInvitation] = React.useState<{
    name: string;
    outcome: InvitationOutcome;
  } | null>(null);
  const approve = decision?.kind === 'approve';

  const report = (name: string, done: Decided) => {
    const { invitation: issued, mailed, mailError } = done;
    if (done.status === 'rejected') {
      if (mailed) api.notify(t('partners.rejected.mailed', { name }));
      else api.warn(t('partners.rejected.notMailed', { name, reason: mailError }));
    } else if (issued) {
      if (mailed) api.notify(t('partners.approved.invited', { name, email: issued.email }));
      else setInvitation({ name, outcome: { ...issued, mailed, mailError } });
    } else if (mailed) {
      api.notify(t('partners.approved.mailed', { name }));
    } else {
      api.warn(t('partners.approved.notMailed', { name, reason: mailError }));
    }
  };

  return (
    <>
      <ReasonDialog
        open={decision !== null}
        onClose={onClose}
        title={t(approve ? 'partners.approve.title' : 'partners.reject.title', {
          name: decision?.name,
        })}
        description={t(approve ? 'partners.approve.description' : 'partners.reject.description')}
        label={t(approve ? 'partners.approve.note' : 'partners.reject.reason')}
        confirmLabel={t(approve ? 'actions.approve' : 'actions.reject')}
        required={!approve}
        variant={approve ? 'success-light' : 'danger'}
        onConfirm={async (reason) => {
          if (!decision) return;
          const done = await api.post<Decided>(
            `/partners/partners/${decision.documentId}/${decision.kind}`,
            reason ? { reason } : {}
          );
          if (done === undefined) return;
          report(decision.name, done);
          onDone();
        }}
      />
      <InvitationDialog
        outcome={invitation?.outcome ?? null}
        title={t('partners.approved.title', { name: invitation?.name })}
        onClose={() => setInvitation(null)}
      />
    </>
  );
};
