import { useApi } from '../hooks/useApi';
import type { PartnerListItem, ProgramView } from '../../../plugin/contracts/admin';
import { PARTNER_TYPES } from '../../../plugin/model';

/** Programs and partners for filter menus: the first hundred, by name. */
export const usePrograms = () => useApi<ProgramView[]>('/partners/programs?pageSize=100');

export const usePartnerOptions = () => {
  const { data } = useApi<PartnerListItem[]>('/partners/partners?pageSize=100&status=approved');
  return (data ?? []).map((partner) => ({ value: partner.documentId, label: partner.name }));
};

export const useProgramOptions = () => {
  const { data } = usePrograms();
  return (data ?? []).map((program) => ({ value: program.slug, label: program.name }));
};

/** An enumeration as menu options, labelled by `status.<value>` style messages. */
export const enumOptions = (
  values: readonly string[],
  label: (value: string) => string
): Array<{ value: string; label: string }> =>
  values.map((value) => ({ value, label: label(value) }));

/** The partner types, labelled (`partners.type.<type>`). */
export const partnerTypeOptions = (t: (id: string) => string) =>
  PARTNER_TYPES.map((value) => ({ value, label: t(`partners.type.${value}`) }));
