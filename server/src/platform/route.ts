import type { HandlerName } from '..';

/** A route whose handler string is checked against the controllers at compile time. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  path: string;
  handler: HandlerName;
  config?: {
    auth?: false | { scope: string[] };
    policies?: Array<string | { name: string; config: unknown }>;
    middlewares?: Array<string | { name: string; config: unknown }>;
  };
}
