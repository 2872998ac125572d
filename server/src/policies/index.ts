import isApiToken from './is-api-token';
import isPartner from './is-partner';

export default {
  'is-api-token': isApiToken,
  'is-partner': isPartner,
};
