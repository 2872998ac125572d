import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyFileStep, readmeSteps } from '../host-app/readme-steps';

/**
 * The README's marked Installation and Configuration steps, which the host-app test
 * (tests/host-app) applies to a create-strapi-app project: here without the app, so a README edit
 * that breaks them fails every `npm test`, not only CI's host app.
 */

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** config/plugins.ts as create-strapi-app 5.54 writes it, shortened. */
const PLUGINS_TS = `import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: { jwtManagement: 'refresh' },
  },
});

export default config;
`;

describe('the README steps the host-app test follows', () => {
  it('installs the package, then adds the plugin and the public address to the config', () => {
    const steps = readmeSteps(README);
    expect(steps.map((step) => (step.action === 'run' ? step.commands : step.file))).toEqual([
      ['npm install strapi-plugin-partners'],
      'config/plugins.ts',
      'config/server.ts',
    ]);
  });

  it("adds a block's keys to the object the config function returns, keeping the others", () => {
    const dir = mkdtempSync(join(tmpdir(), 'partners-readme-'));
    try {
      writeFileSync(join(dir, 'plugins.ts'), PLUGINS_TS);
      applyFileStep(dir, {
        action: 'into',
        file: 'plugins.ts',
        code: 'partners: {\n  enabled: true,\n},',
      });
      const written = readFileSync(join(dir, 'plugins.ts'), 'utf8');
      expect(written).toContain(
        "=> ({\n  partners: {\n    enabled: true,\n  },\n  'users-permissions': {"
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file without a returned object, and an unknown step', () => {
    const dir = mkdtempSync(join(tmpdir(), 'partners-readme-'));
    try {
      writeFileSync(join(dir, 'plugins.js'), 'module.exports = {};\n');
      expect(() =>
        applyFileStep(dir, { action: 'into', file: 'plugins.js', code: 'partners: {},' })
      ).toThrow(/no "=> \(\{"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(() => readmeSteps('<!-- host-app: delete x -->\n```\nx\n```')).toThrow(/unknown/);
  });
});
