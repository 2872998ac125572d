/**
 * Automated clients, by user agent (SPEC §6): search and AI crawlers, headless browsers, HTTP
 * libraries and command-line tools, link unfurlers (chat apps and social networks fetch a link
 * to preview it), uptime monitors and SEO tools. Their clicks are recorded as `isBot` and never
 * counted. A browser hides none of these words in its user agent.
 */
const BOT_PATTERN = new RegExp(
  [
    // Crawlers by their own name
    'bot\\b',
    'bot_',
    'crawl',
    'spider',
    'slurp',
    'archiver',
    'facebookexternalhit',
    'facebookcatalog',
    'meta-externalagent',
    'embedly',
    'quora link preview',
    'outbrain',
    'vkshare',
    'w3c_validator',
    'whatsapp',
    'skypeuripreview',
    'bingpreview',
    'google-inspectiontool',
    'googleother',
    'google-read-aloud',
    'mediapartners-google',
    'apis-google',
    'feedfetcher',
    'yahoo! slurp',
    'ia_archiver',
    'chatgpt-user',
    'perplexity',
    'bytespider',
    // Headless and automated browsers
    'headless',
    'phantomjs',
    'puppeteer',
    'playwright',
    'selenium',
    'webdriver',
    'lighthouse',
    'pagespeed',
    'prerender',
    // HTTP libraries and tools
    '^curl/',
    '^wget/',
    'python-requests',
    'python-urllib',
    'python-httpx',
    'aiohttp',
    'httpie',
    '^java/',
    'apache-httpclient',
    'okhttp',
    'go-http-client',
    'node-fetch',
    'undici',
    '^node$',
    '^axios/',
    'got \\(',
    'libwww-perl',
    'lwp::',
    'ruby',
    'php/',
    'guzzlehttp',
    'postmanruntime',
    'insomnia',
    'scrapy',
    'httrack',
    'dataprovider',
    // Monitors and SEO tools
    'pingdom',
    'statuscake',
    'site24x7',
    'newrelicpinger',
    'ahrefs',
    'semrush',
    'screaming frog',
  ].join('|'),
  'i'
);

/** Browsers whose user agent matches a pattern above: Cubot phones ("CUBOT X30"). */
const BROWSER_PATTERN = /cubot/gi;

/** True for crawlers, headless browsers, tools and link unfurlers, and for a missing user agent. */
export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  const value = userAgent?.trim() ?? '';
  if (value.length === 0) return true;
  return BOT_PATTERN.test(value.replace(BROWSER_PATTERN, ''));
}
