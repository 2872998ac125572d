import hasAnyAdminAction from './has-any-admin-action';
import isApiToken from './is-api-token';
import isPartner from './is-partner';

export default {
  'has-any-admin-action': hasAnyAdminAction,
  'is-api-token': isApiToken,
  'is-partner': isPartner,
};
