import type { Core } from '@strapi/strapi';
import { pluginConfigSchema, type PluginConfig } from '../../../plugin/contracts/config';
import { PLUGIN_ID } from '../../../plugin/model';
import type { Services } from '..';

export type ServiceName = keyof Services;
export type ServiceOf<N extends ServiceName> = ReturnType<Services[N]>;

/** A typed `strapi.plugin('partners').service(name)`. */
export const getService = <N extends ServiceName>(name: N, { strapi }: { strapi: Core.Strapi }) =>
  strapi.plugin(PLUGIN_ID).service(name) as ServiceOf<N>;

/** The plugin config with every default filled in (validated once at boot by config.validator). */
export const getPluginConfig = ({ strapi }: { strapi: Core.Strapi }): PluginConfig =>
  pluginConfigSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}`, {}));
