import health from './health';
import partnerRole from './partner-role';

export default {
  health,
  'partner-role': partnerRole,
};
