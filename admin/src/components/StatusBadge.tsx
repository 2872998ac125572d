import { Badge } from '@strapi/design-system';
import { useT } from '../hooks/useT';

type Variant =
  'success' | 'primary' | 'danger' | 'warning' | 'neutral' | 'secondary' | 'alternative';

/** One colour per meaning, whatever the entity: done is green, waiting amber, refused red. */
const VARIANTS: Record<string, Variant> = {
  active: 'success',
  approved: 'success',
  paid: 'success',
  customer: 'success',
  won: 'success',
  live: 'success',
  drafted: 'secondary',
  unpublished: 'neutral',
  pending: 'warning',
  'on-hold': 'warning',
  applied: 'warning',
  submitted: 'warning',
  processing: 'secondary',
  processed: 'success',
  ignored: 'neutral',
  'signed-up': 'secondary',
  lead: 'alternative',
  draft: 'neutral',
  archived: 'neutral',
  cancelled: 'neutral',
  churned: 'neutral',
  lost: 'neutral',
  reversed: 'danger',
  rejected: 'danger',
  suspended: 'danger',
  failed: 'danger',
  refunded: 'danger',
  'partially-refunded': 'warning',
  disputed: 'danger',
  'invitation-valid': 'success',
  'invitation-used': 'secondary',
  'invitation-expired': 'neutral',
  'invitation-revoked': 'danger',
};

export const StatusBadge = ({ status }: { status: string }) => {
  const t = useT();
  return (
    <Badge variant={VARIANTS[status] ?? 'neutral'} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
};
