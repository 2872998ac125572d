import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PLAYGROUND_DIR } from './strapi';

/**
 * Strapi nodes as separate processes: `strapi start` of the compiled playground
 * (playground/dist) on their own ports, sharing this process's database settings. For the tests
 * of what several nodes share (jobs, rate limits).
 */

const STRAPI_BIN = join(
  __dirname,
  '..',
  '..',
  'node_modules',
  '@strapi',
  'strapi',
  'bin',
  'strapi.js'
);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Node {
  child: ChildProcess;
  output: string[];
}

/** `strapi start` in the playground on `port`, sharing this process's database settings. */
export const startNode = (port: number, env: Record<string, string>): Node => {
  const output: string[] = [];
  const child = spawn(process.execPath, [STRAPI_BIN, 'start'], {
    cwd: PLAYGROUND_DIR,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { child, output };
};

export const waitUntilUp = async (node: Node, port: number, timeoutMs = 90_000) => {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(500)) {
    if (node.child.exitCode !== null) {
      throw new Error(`strapi start on ${port} exited:\n${node.output.join('').slice(-3000)}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/_health`);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
  }
  throw new Error(`strapi start on ${port} did not answer:\n${node.output.join('').slice(-3000)}`);
};

export const stopNode = async ({ child }: Node) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
};
