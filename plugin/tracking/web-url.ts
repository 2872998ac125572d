/**
 * The WHATWG URL parser: a global in Node and in every browser, and the only parser that reads
 * a URL the way the browser following a redirect will. plugin/ compiles without DOM or Node
 * types (it does no I/O), so this names the part of it the rules use.
 */
export interface WebSearchParams extends Iterable<[string, string]> {
  append(name: string, value: string): void;
  delete(name: string): void;
  keys(): IterableIterator<string>;
  set(name: string, value: string): void;
  toString(): string;
}

export interface WebUrl {
  readonly origin: string;
  readonly hostname: string;
  protocol: string;
  search: string;
  readonly searchParams: WebSearchParams;
  toString(): string;
}

const web = globalThis as unknown as {
  URL: new (url: string, base?: string | WebUrl) => WebUrl;
  URLSearchParams: new (init?: string) => WebSearchParams;
};

export const Url = web.URL;
export const SearchParams = web.URLSearchParams;
