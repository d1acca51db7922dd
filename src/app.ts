import 'reflect-metadata';
import type { DestinationStream } from 'pino';
import type { Config, UpstreamConfig } from './config.js';
import { createFlipClients } from './flip/index.js';
import { createContext, createSchema } from './graphql/index.js';
import { startHttpServer } from './server/http.js';
import { createLogger, type Logger } from './server/logger.js';
import { startSimulator, type Simulator, type SimulatorOptions } from './simulator/index.js';

export interface AppOptions {
  /** Overrides for the embedded simulator (only used when FLIP_UTILITY_API_URL is unset). */
  simulator?: SimulatorOptions;
  /** Where log lines go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
}

export interface App {
  url: string;
  graphqlUrl: string;
  config: Readonly<Config>;
  /** The embedded simulator, when the service runs on it. */
  simulator?: Simulator;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * The composition root: the only place that wires simulator, Flip clients, loaders, schema and
 * HTTP server together. Starts listening; `close()` drains in-flight operations, then closes the
 * upstream pools and the simulator.
 */
export async function createApp(config: Readonly<Config>, options: AppOptions = {}): Promise<App> {
  const logger = createLogger({ level: config.logLevel, destination: options.logDestination });
  const simulator = config.upstream
    ? undefined
    : await startSimulator({
        port: 0,
        host: '127.0.0.1',
        sites: config.simulator.sites,
        seed: config.simulator.seed,
        latencyMs: config.simulator.latencyMs,
        ...options.simulator,
      });
  const upstream: UpstreamConfig = config.upstream ?? {
    utilityUrl: simulator!.utilityUrl,
    cloudUrl: simulator!.cloudUrl,
    utilityApiKey: simulator!.utilityApiKey,
    cloudApiKey: simulator!.cloudApiKey,
    programs: simulator!.programs,
  };

  const clients = createFlipClients({ upstream, http: config.http, logger });
  const schema = await createSchema();
  const deps = { clients, config, programs: upstream.programs };
  const server = await startHttpServer({
    config,
    schema,
    logger,
    createContext: (req) => createContext(deps, { requestId: req.requestId, caller: null }),
  });

  if (simulator) {
    logger.info(
      { simulator: simulator.url, programs: upstream.programs.map((p) => p.id) },
      `no FLIP_UTILITY_API_URL: running on the embedded Flip simulator at ${simulator.url}; GraphQL IDE at ${server.graphqlUrl}`,
    );
  } else {
    logger.info({ utility: upstream.utilityUrl }, `flip-graphql listening at ${server.graphqlUrl}`);
  }

  return {
    url: server.url,
    graphqlUrl: server.graphqlUrl,
    config,
    simulator,
    logger,
    async close() {
      await server.close();
      await clients.close();
      await simulator?.close();
    },
  };
}
