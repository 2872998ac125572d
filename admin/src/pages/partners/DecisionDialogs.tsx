import { ReasonDialog } from '../../components/ReasonDialog';
import { useAction } from '../../hooks/useAction';
import { useT } from '../../hooks/useT';

export type Decision = { kind: 'approve' | 'reject'; documentId: string; name: string } | null;

/** Approving (optional note) or rejecting (reason mailed to the applicant) a partner. */
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
  const approve = decision?.kind === 'approve';
  return (
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
        const done = await api.post(
          `/partners/partners/${decision.documentId}/${decision.kind}`,
          reason ? { reason } : {},
          t(approve ? 'partners.approved' : 'partners.rejected', { name: decision.name })
        );
        if (done !== undefined) onDone();
      }}
    />
  );
};
