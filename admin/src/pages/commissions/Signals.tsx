import { Flex, Typography } from '@strapi/design-system';
import type { CommissionView } from '../../../../plugin/contracts/admin';
import { useT } from '../../hooks/useT';

/** The fraud signals that fired on an entry: names only, or with what was seen. */
export const Signals = ({
  signals,
  detailed = false,
}: {
  signals: CommissionView['signals'];
  detailed?: boolean;
}) => {
  const t = useT();
  if (signals.length === 0) return null;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} data-signals>
      {signals.map((hit) => (
        <Typography key={hit.signal} variant="pi" textColor="danger600">
          {`${t(`commissions.signals.signal.${hit.signal}`)} (${t(`commissions.signals.action.${hit.action}`)})`}
          {detailed ? `: ${hit.detail}` : ''}
        </Typography>
      ))}
    </Flex>
  );
};
