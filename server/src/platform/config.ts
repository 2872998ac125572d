import { pluginConfigSchema } from '../../../plugin/contracts/config';

export default {
  default: pluginConfigSchema.parse({}),
  validator(config: unknown) {
    const result = pluginConfigSchema.safeParse(config);
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid "partners" plugin config: ${issues}`);
    }
  },
};
