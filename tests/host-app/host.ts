import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';

/**
 * A Strapi app made the way users make one (create-strapi-app, npm, the packed plugin), driven
 * by shell commands whose output goes to one log file, read back when something fails.
 */

export const CREATE_STRAPI_APP = 'create-strapi-app@5.54.0';

/**
 * The flags of a non-interactive create-strapi-app that needs nothing beyond the npm registry.
 * `--dbclient=sqlite` alone writes an empty DATABASE_FILENAME (Strapi then cannot open the
 * database): the file is named as the interactive default names it.
 */
export const SCAFFOLD_FLAGS = [
  '--typescript',
  '--use-npm',
  '--dbclient=sqlite',
  '--dbfile=.tmp/data.db',
  '--no-example',
  '--skip-cloud',
  '--no-git-init',
  '--install',
  '--no-run',
  '--non-interactive',
];

/**
 * What a user's shell has, and nothing the test run set: the API suites put database, secret and
 * port settings into this process's environment, and Strapi lets the environment win over the
 * app's `.env`.
 */
const USER_SHELL =
  /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LC_\w+|TZ|TMPDIR|TERM|CI|NODE_EXTRA_CA_CERTS|SSL_CERT_(FILE|DIR)|(HTTPS?|NO|ALL)_PROXY)$/i;

/** The host app's commands: a user's environment, no telemetry, and `extra`. */
export const hostEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => USER_SHELL.test(name))),
  // `npm test` puts this repository's node_modules/.bin first.
  PATH: (process.env.PATH ?? '')
    .split(':')
    .filter((dir) => !dir.includes('node_modules'))
    .join(':'),
  STRAPI_TELEMETRY_DISABLED: 'true',
  ...extra,
});

export interface HostLog {
  path: string;
  write(text: string): void;
  /** The last `lines` lines, for a failure message. */
  tail(lines?: number): string;
}

export const openLog = (path: string): HostLog => {
  const stream = createWriteStream(path, { flags: 'a' });
  return {
    path,
    write: (text) => stream.write(text),
    tail: (lines = 80) =>
      existsSync(path) ? readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n') : '',
  };
};

interface RunOptions {
  cwd: string;
  log: HostLog;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
}

/** Runs a shell command line to its end; rejects with the log's tail when it fails. */
export const run = (command: string, { cwd, log, env = hostEnv(), timeoutMs }: RunOptions) =>
  new Promise<void>((resolve, reject) => {
    log.write(`\n$ ${command}   (in ${cwd})\n`);
    const child = spawn(command, { cwd, env, shell: true, detached: true, stdio: 'pipe' });
    child.stdin.end();
    child.stdout.on('data', (chunk) => log.write(String(chunk)));
    child.stderr.on('data', (chunk) => log.write(String(chunk)));
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`${command}: no end after ${timeoutMs / 1000} s\n${log.tail()}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command} exited with ${code}\n${log.tail()}`));
    });
  });

/** Signals the command and everything it started (it leads its own process group). */
const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
};

/**
 * Deletes `dir` after the test has ended: the app's node_modules hold tens of thousands of files,
 * minutes of deleting on a busy machine that the run need not wait for.
 */
export const removeInBackground = (dir: string) =>
  spawn('rm', ['-rf', dir], { detached: true, stdio: 'ignore' }).unref();

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

export interface RunningHost {
  origin: string;
  stop(): Promise<void>;
}

/**
 * `npm run start` on `port`, resolved once `GET /api/partners/health` answers 200 (the plugin
 * booted and its database answers).
 */
export const startHost = async (
  appDir: string,
  port: number,
  log: HostLog,
  timeoutMs: number
): Promise<RunningHost> => {
  log.write(`\n$ npm run start   (PORT=${port})\n`);
  const child = spawn('npm', ['run', 'start'], {
    cwd: appDir,
    env: hostEnv({ NODE_ENV: 'production', PORT: String(port) }),
    detached: true,
    stdio: 'pipe',
  });
  child.stdin?.end();
  child.stdout?.on('data', (chunk) => log.write(String(chunk)));
  child.stderr?.on('data', (chunk) => log.write(String(chunk)));
  let exited: number | null = null;
  const closed = new Promise<void>((resolve) =>
    child.on('close', (code) => {
      exited = code ?? -1;
      resolve();
    })
  );
  const stop = async () => {
    if (exited !== null) return;
    killGroup(child, 'SIGTERM');
    const killer = setTimeout(() => killGroup(child, 'SIGKILL'), 15_000);
    await closed;
    clearTimeout(killer);
  };

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`npm run start exited with ${exited}\n${log.tail()}`);
    try {
      const res = await fetch(`${origin}/api/partners/health`);
      if (res.status === 200) return { origin, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`no healthy Strapi on ${origin} after ${timeoutMs / 1000} s\n${log.tail()}`);
};

/** Phases and their durations, printed as a table at the end of the walk. */
export const createStopwatch = () => {
  const started = Date.now();
  const phases: Array<{ phase: string; seconds: number; sinceStart: number }> = [];
  return {
    async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
      const at = Date.now();
      try {
        return await work();
      } finally {
        const now = Date.now();
        phases.push({ phase, seconds: (now - at) / 1000, sinceStart: (now - started) / 1000 });
      }
    },
    minutesSinceStart: () => (Date.now() - started) / 60_000,
    report: () => {
      const width = Math.max(0, ...phases.map(({ phase }) => phase.length));
      return phases
        .map(
          ({ phase, seconds, sinceStart }) =>
            `${phase.padEnd(width)} ${seconds.toFixed(1).padStart(7)} s  (at ${(sinceStart / 60).toFixed(2)} min)`
        )
        .join('\n');
    },
  };
};
