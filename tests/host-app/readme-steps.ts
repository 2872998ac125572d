import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The README's Installation and Configuration steps, read from the code blocks it marks with
 * `<!-- host-app: ACTION [FILE] -->`, so the host-app test does what the README says and nothing
 * else:
 * - `run`: the block's commands, run in the app's folder;
 * - `into FILE`: the block's keys, added to the object that FILE's config function returns;
 * - `append FILE`: the block's lines, added at the end of FILE.
 */
export type ReadmeStep =
  { action: 'run'; commands: string[] } | { action: 'into' | 'append'; file: string; code: string };

const MARKED_BLOCK = /<!-- host-app: (\w+)(?: ([^\s]+))? -->\s*\n```\w*\n([\s\S]*?)\n```/g;

export const readmeSteps = (readme: string): ReadmeStep[] =>
  [...readme.matchAll(MARKED_BLOCK)].map(([, action, file, code]) => {
    if (action === 'run') {
      const commands = code
        .split('\n')
        .map((line) => line.replace(/\s#.*$/, '').trim())
        .filter((line) => line && !line.startsWith('#'));
      return { action, commands };
    }
    if ((action === 'into' || action === 'append') && file) return { action, file, code };
    throw new Error(`README: unknown host-app step "${action} ${file ?? ''}"`);
  });

/** Where the object returned by a create-strapi-app config file opens: `=> ({`. */
const RETURNED_OBJECT = /=>\s*\(\{\n/;

/** Writes an `into` or `append` step into the app at `appDir`. */
export const applyFileStep = (appDir: string, step: Exclude<ReadmeStep, { action: 'run' }>) => {
  const path = join(appDir, step.file);
  if (step.action === 'append') {
    appendFileSync(path, `\n${step.code}\n`);
    return;
  }
  const source = readFileSync(path, 'utf8');
  const opening = RETURNED_OBJECT.exec(source);
  if (!opening) throw new Error(`${step.file}: no "=> ({" to add the README's keys to`);
  const at = opening.index + opening[0].length;
  const indented = step.code.replace(/^(?=.)/gm, '  ');
  writeFileSync(path, `${source.slice(0, at)}${indented}\n${source.slice(at)}`);
};
