import { useIntl } from 'react-intl';
import en from '../translations/en.json';
import { PLUGIN_ID } from '../pluginId';

export type Values = Record<string, string | number | boolean | null | undefined | Date>;

/** The plugin's message ids are registered with the plugin id in front (see ../index.ts). */
export const getTrad = (id: string) => `${PLUGIN_ID}.${id}`;

/** `t('commissions.title')`: a message of translations/*.json, English as the fallback. */
export const useT = () => {
  const { formatMessage } = useIntl();
  return (id: string, values?: Values) =>
    formatMessage(
      { id: getTrad(id), defaultMessage: (en as Record<string, string>)[id] ?? id },
      values
    ) as string;
};
