import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import type { Simulator } from '../../src/simulator/types.js';

/**
 * A tiny stand-in for Flip on node:http, for what the simulator cannot be told to do (stall a
 * body mid-way, send an enum value Flip does not document yet). It is an upstream, not a mock of
 * our code: the client talks to it over real HTTP. Closes when the test ends.
 */
export type StubTarget = Pick<
  Simulator,
  'utilityUrl' | 'cloudUrl' | 'oauthTokenUrl' | 'utilityApiKey' | 'cloudApiKey' | 'oauthClient'
>;

export async function startStubFlip(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<StubTarget & { requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    requests,
    utilityUrl: `${url}/utility`,
    cloudUrl: `${url}/cloud`,
    oauthTokenUrl: `${url}/oauth/token`,
    utilityApiKey: 'fl_stub_utility_key_0123456789',
    cloudApiKey: 'stub_cloud_key_0123456789',
    oauthClient: { clientId: 'stub-client', clientSecret: 'stub_secret_0123456789' },
  };
}
