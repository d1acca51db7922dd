import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from '../logger.js';
import { loadExampleOperations } from './examples.js';
import { renderIdePage, type IdePage } from './page.js';
import type { ExampleSampleProvider } from './samples.js';
import { encodePage, sendPage, type EncodedPage } from './serve.js';

export type { ExampleOperation } from './examples.js';
export { simulatorSamples, type ExampleSampleProvider, type ExampleSamples } from './samples.js';
export { WELCOME_QUERY } from './page.js';

/** A plain HTTP route as `startHttpServer` takes them: returns true when it answered. */
export type IdeRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean;

export interface IdeOptions {
  /** Where GraphQL is served; the IDE lives at the same path. Default `/graphql`. */
  graphqlPath?: string;
  /** The configured program ids, used to fill the example operations' `$programId`. */
  programIds: readonly string[];
  logger: Logger;
  /** Folder of example `*.graphql` files; `test/operations` under the package root by default. */
  examplesDir?: string;
  /** Caller auth is on: the page says a token is needed and pre-fills the Headers editor for it. */
  authRequired?: boolean;
  /**
   * Values from the running data for every tab's variables: only on the embedded simulator (the
   * page is served without a token, so it must never show a real deployment's ids).
   */
  samples?: ExampleSampleProvider;
}

export interface Ide<TContext extends BaseContext = BaseContext> {
  /** Apollo landing page: GraphiQL for a GET that prefers text/html. */
  landingPage: ApolloServerPlugin<TContext>;
  /** `/playground` -> the IDE, and the page's security headers. Pass before Apollo's handler. */
  routes: IdeRoute[];
}

/**
 * The offline GraphQL IDE: GraphiQL served from the service's own bundled assets, with the
 * repository's example operations as tabs (read at start-up). The page is rendered once, on the
 * first browser visit, so a service nobody browses never loads GraphiQL's bundle; the browser is
 * told by Content-Security-Policy to contact no origin but ours. With samples, the tabs are built
 * again on each visit and the page rendered again when they changed (the tabs were run, the hour
 * moved `startsAt`), so each tab runs as it opens.
 */
export function createIde<TContext extends BaseContext = BaseContext>(options: IdeOptions): Ide<TContext> {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const load = (warn: boolean) =>
    loadExampleOperations({
      programIds: options.programIds,
      dir: options.examplesDir,
      samples: samplesOrNone(options, warn),
      onInvalid: (file, err) =>
        warn && options.logger.warn({ err, file }, `IDE: example ${file} does not parse; left out`),
    });
  const examples = load(true);
  let rendering: { key: string; page: Promise<EncodedPage> } | undefined;
  const encoded = () => {
    const current = options.samples ? load(false) : examples;
    const key = JSON.stringify(current);
    if (rendering?.key !== key) {
      const page = renderIdePage({
        endpoint: graphqlPath,
        examples: current,
        authRequired: options.authRequired,
      });
      rendering = { key, page: page.then(encodePage) };
    }
    return rendering.page;
  };
  options.logger.debug({ examples: examples.map((e) => e.name) }, 'IDE: example operations loaded');
  return {
    landingPage: idePlugin(async () => (await encoded()).page),
    routes: [playgroundRoute(graphqlPath), idePageRoute(graphqlPath, encoded)],
  };
}

/** The samples, or none (variables start as null) when reading them failed: the page still opens. */
function samplesOrNone(options: IdeOptions, warn: boolean) {
  try {
    return options.samples?.();
  } catch (err) {
    if (warn) options.logger.warn({ err }, 'IDE: sample values unavailable; variables start empty');
    return undefined;
  }
}

/** Apollo plugin that answers a browser's GET of the GraphQL path with the IDE page. */
export function idePlugin<TContext extends BaseContext>(
  page: () => Promise<IdePage>,
): ApolloServerPlugin<TContext> {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: async () => (await page()).html };
        },
      };
    },
  };
}

/** `GET /playground`: for those who look for the IDE by GraphQL Playground's name. */
function playgroundRoute(graphqlPath: string): IdeRoute {
  return (req, res, url) => {
    if (url.pathname !== '/playground' || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    res.statusCode = 302;
    res.setHeader('location', graphqlPath);
    res.end();
    return true;
  };
}

/**
 * A browser's GET of the GraphQL path that carries no operation: the page, answered here (before
 * auth, like Apollo's landing page was) so it can be compressed and revalidated by ETag, which
 * Apollo's landing page hook (HTML only, no headers) cannot. A GET with a query goes on to auth
 * and Apollo, which still render the page (idePlugin) for an authenticated browser.
 */
function idePageRoute(graphqlPath: string, page: () => Promise<EncodedPage>): IdeRoute {
  return async (req, res, url) => {
    const accept = req.headers.accept ?? '';
    const isBrowserGet =
      url.pathname === graphqlPath &&
      (req.method === 'GET' || req.method === 'HEAD') &&
      accept.includes('text/html');
    if (!isBrowserGet) return false;
    if (url.searchParams.has('query') || url.searchParams.has('extensions')) {
      // Apollo may answer it with the page: the page's security headers go on it all the same.
      for (const [name, value] of Object.entries((await page()).page.headers)) res.setHeader(name, value);
      return false;
    }
    await sendPage(req, res, await page());
    return true;
  };
}
