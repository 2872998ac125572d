import { randomBytes } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { uid } from '../../plugin/model';
import type { TestApp } from './strapi';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const unique = () => randomBytes(4).toString('hex');

/**
 * A users-permissions login for the portal: a user with the Partner role (its password hashed
 * by the users-permissions user service), added to `partner.users` when a partner is given,
 * signed in through `POST /api/auth/local`. Answers the JWT.
 */
export const portalLogin = async (
  app: TestApp,
  partner: Row | null,
  { email = `login-${unique()}@partners.test`, password = 'Portal-login-2026' } = {}
): Promise<string> => {
  const role = await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'partner' } });
  const user = await app.strapi.plugin('users-permissions').service('user').add({
    username: email,
    email,
    password,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
  });
  if (partner) {
    await app.strapi.db
      .query(uid('partner'))
      .update({ where: { id: partner.id }, data: { users: { connect: [user.id] } } });
  }
  const res = await app
    .request()
    .post('/api/auth/local')
    .send({ identifier: email, password })
    .expect(200);
  return res.body.jwt as string;
};

/** A portal request as a signed-in partner: `portal(jwt).get('/me')`. */
export const portal = (app: TestApp, jwt: string | null) => {
  const withAuth = <T extends { set(name: string, value: string): T }>(request: T) =>
    jwt ? request.set('Authorization', `Bearer ${jwt}`) : request;
  const path = (route: string) => `/api/partners/portal${route}`;
  return {
    get: (route: string) => withAuth(app.request().get(path(route))),
    post: (route: string, data: unknown) =>
      withAuth(app.request().post(path(route))).send({ data }),
    put: (route: string, data: unknown) => withAuth(app.request().put(path(route))).send({ data }),
    /** A binary answer (PDF) as a Buffer. */
    binary: (route: string) =>
      withAuth(app.request().get(path(route)))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        }),
  };
};

/** A CSV answer as header and rows (the exports quote with csv-stringify's defaults). */
export const parseCsv = (text: string): { header: string[]; rows: string[][] } => {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(cell);
      cell = '';
    } else if (char === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else if (char !== '\r') cell += char;
  }
  if (cell || record.length) records.push([...record, cell]);
  const [header = [], ...rows] = records;
  return { header, rows };
};

/**
 * The text a pdfkit document draws: every content stream inflated, the strings of its `TJ`/`Tj`
 * operators decoded (pdfkit writes them as hex), one line per operator. Kerning splits a word
 * across pieces of one `TJ` array; they are joined back.
 */
export const pdfText = (pdf: Buffer): string => {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  const streams = /stream\r?\n/g;
  for (let match = streams.exec(source); match; match = streams.exec(source)) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) break;
    const raw = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(raw).toString('latin1');
    } catch {
      content = raw.toString('latin1');
    }
    for (const op of content.matchAll(/\[(.*?)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\((.*?)\)\s*Tj/gs)) {
      const pieces =
        op[1] !== undefined
          ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1])
          : [op[2] ?? ''];
      const text = pieces.map((hex) => Buffer.from(hex, 'hex').toString('latin1')).join('');
      lines.push(op[3] ?? text);
    }
    streams.lastIndex = end;
  }
  return lines.join('\n');
};
