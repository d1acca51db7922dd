import { createHash } from 'node:crypto';
import type { ExampleOperation } from './examples.js';
import { IDE_RENDER_FUNCTION } from './fetcher.js';

/** The IDE page: GraphiQL with its bundle inlined, and the headers that lock it to our origin. */
export interface IdePage {
  html: string;
  /** Response headers for the page (Content-Security-Policy and friends). */
  headers: Record<string, string>;
}

/** The first tab: works on the simulator as is, and says where everything else is. */
export const WELCOME_QUERY = dedent(/* GraphQL */ `
  # flip-graphql: one schema over Flip's APIs.
  #
  # Run: the play button or Ctrl-Enter.
  # Other tabs: the repository's example
  # operations (test/operations/*.graphql),
  # with the program ids filled in.
  #
  # Caller token: Headers (below), e.g.
  #   {"Authorization": "Bearer <key or JWT>"}
  # (not kept in the browser's storage).
  #
  # Left bar: the schema docs and the explorer.
  query ProgramsOverview {
    programs {
      id
      name
      stats {
        enrollmentCount
        siteCount
        deviceCount
        activeBatteryCapacityWh
        byStatus {
          status
          count
        }
      }
      enrollments(first: 3) {
        totalCount
        nodes {
          id
          status
          site {
            id
            city
            stateCode
          }
          devices {
            type
            manufacturerName
            productName
          }
        }
      }
    }
  }
`);

export interface RenderIdeOptions {
  /** Path the IDE sends operations to (`/graphql`). */
  endpoint: string;
  examples: readonly ExampleOperation[];
  /** Caller auth is on: say so in the first tab and pre-fill the Headers editor with the shape. */
  authRequired?: boolean;
}

/** What the Headers editor starts with when auth is on: where the token goes. */
export const AUTH_HEADERS_TEMPLATE = JSON.stringify(
  { Authorization: 'Bearer <your API key or JWT>' },
  null,
  2,
);

/** Prepended to the first tab when auth is on (the Docs panel cannot load without a token either). */
const AUTH_NOTE = dedent(`
  # AUTH IS ON: every request, also the Docs and
  # Explorer panels, needs a token. Replace
  # <your API key or JWT> in Headers (below), then
  # reload the Docs panel (its refresh button).
  #
`);

/**
 * Renders GraphiQL (GraphiQL 5 with the docs and explorer plugins, from
 * @graphql-yoga/render-graphiql, which inlines the whole bundle, its CSS, fonts and Monaco's
 * workers) and derives a Content-Security-Policy under which the browser itself refuses to reach
 * any other host. Throws if the rendered page is not the one-inline-script page the policy is
 * computed for. The 9 MB bundle is imported here, on first use, not when the service starts.
 */
export async function renderIdePage(options: RenderIdeOptions): Promise<IdePage> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  const tabHeaders = options.authRequired ? AUTH_HEADERS_TEMPLATE : null;
  const rendered = renderGraphiQL({
    title: 'flip-graphql',
    endpoint: options.endpoint,
    defaultTabs: [
      { query: options.authRequired ? AUTH_NOTE + WELCOME_QUERY : WELCOME_QUERY, headers: tabHeaders },
      ...options.examples.map((e) => ({
        query: e.query,
        variables: e.variables ?? null,
        headers: tabHeaders,
      })),
    ],
    isHeadersEditorEnabled: true,
    ...(options.authRequired ? { headers: AUTH_HEADERS_TEMPLATE } : {}),
    // Headers carry the caller's bearer token: keep it out of localStorage.
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: options.authRequired ? 'headers' : true,
    // Our operations go as POST application/json, which Apollo's CSRF prevention lets through.
    method: 'POST',
    useGETForQueries: false,
    // Subscriptions over graphql-ws on the same origin and path (server/subscriptions.ts), by our
    // fetcher (fetcher.ts), with the Headers editor's Authorization; CSP 'self' covers ws: to
    // the same host.
    subscriptionsProtocol: 'WS',
  }).replace('</head>', `<style>${TAB_FIX_CSS}</style></head>`);
  const page = withOwnFetcher(rendered);
  return { html: page, headers: securityHeaders(inlineScriptHash(page)) };
}

/**
 * GraphiQL rendered with our fetcher (fetcher.ts), which sends the Headers editor's Authorization
 * with subscriptions too. The page ends by calling `YogaGraphiQL.renderYogaGraphiQL(root, options)`;
 * that last call is replaced. Throws if it is not there (a render-graphiql upgrade changed it).
 */
function withOwnFetcher(html: string): string {
  const call = 'YogaGraphiQL.renderYogaGraphiQL(';
  const at = html.lastIndexOf(call);
  if (at < 0) throw new Error('flip-graphql: the GraphiQL page does not call renderYogaGraphiQL');
  return `${html.slice(0, at)}(${IDE_RENDER_FUNCTION})(${html.slice(at + call.length)}`;
}

/**
 * Prettier indents embedded GraphQL; GraphiQL names a tab after the first `query <name>` it finds
 * on a line not starting with `#`, so an indented comment could name it. Strip the indent.
 */
function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').trimEnd().split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return `${lines.map((l) => l.slice(indent)).join('\n')}\n`;
}

/**
 * GraphiQL 5 leaves a stale drag transform on tabs it mounts from defaultTabs, hidden by its own
 * `.graphiql-tab:not(:focus-within) { transform: none !important }`: on the first click the tab
 * takes focus, jumps away from under the pointer and the click misses (seen in Chromium). Tabs
 * still reorder by dragging; they just do not follow the pointer while dragged.
 */
const TAB_FIX_CSS = '.graphiql-tab{transform:none!important}';

/**
 * The page has exactly one inline <script> (the bundle plus our options); a second `</script>`
 * would mean an option ended the script early, so refuse to serve such a page.
 */
function inlineScriptHash(html: string): string {
  const start = html.indexOf('<script>');
  const end = html.indexOf('</script>');
  if (start < 0 || end < start || html.indexOf('</script>', end + 1) >= 0) {
    throw new Error('flip-graphql: the GraphiQL page does not have exactly one inline script');
  }
  const script = html.slice(start + '<script>'.length, end);
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/**
 * - script-src: only the inline bundle, by hash (no 'unsafe-inline', no eval).
 * - style-src 'unsafe-inline': GraphiQL ships its CSS in a <style> block and Monaco and React
 *   add style elements at run time; styles cannot reach the network beyond font/img-src.
 * - worker-src blob: Monaco's workers are created from Blob URLs of inlined code.
 * - connect-src 'self': the only place the page may send operations (and introspection) to.
 * - font-src/img-src data: the fonts, icons and favicon are inlined as data: URLs.
 */
function securityHeaders(scriptHash: string): Record<string, string> {
  const policy = [
    "default-src 'none'",
    `script-src ${scriptHash}`,
    "style-src 'unsafe-inline'",
    "connect-src 'self'",
    'worker-src blob:',
    'font-src data:',
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}
