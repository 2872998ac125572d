import { createHash } from 'node:crypto';
// The browser script, kept as a real .js file and inlined as a string by the build.
import source from './tracker.js?raw';

/** tracker.js as served: its text and a strong ETag that changes with it. */
export const trackerScript = {
  source,
  etag: `"${createHash('sha256').update(source).digest('base64url').slice(0, 32)}"`,
};
