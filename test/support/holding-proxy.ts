import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { onTestFinished } from 'vitest';
import type { Simulator } from '../../src/simulator/types.js';

/** An answer the proxy has from the simulator and keeps from the service until released. */
export interface HeldAnswer {
  /** Resolves once the simulator has answered the matching request (its state at that moment). */
  reached: Promise<void>;
  /** Passes the answer on to the service. */
  release(): void;
}

export interface HoldingProxy {
  /** The simulator as the service should see it: same keys and programs, URLs of the proxy. */
  upstream: Simulator;
  /** Holds the answer to the next request whose method and path (after /utility) match. */
  holdNext(method: string, path: string): HeldAnswer;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

/**
 * A forwarding proxy in front of a simulator, for what faults cannot do: the simulator answers at
 * once, from its state at that moment, and the proxy keeps that answer from the service until the
 * test releases it (a slow network, deterministically). Every call still reaches the simulator's
 * journal. Closes when the test ends.
 */
export async function startHoldingProxy(sim: Simulator): Promise<HoldingProxy> {
  const holds: { method: string; path: string; reached: () => void; released: Promise<void> }[] = [];
  const server = createServer((req, res) => {
    const takeHold = () => {
      const url = new URL(req.url ?? '/', 'http://proxy');
      const at = holds.findIndex((h) => h.method === req.method && `/utility${h.path}` === url.pathname);
      return at === -1 ? undefined : holds.splice(at, 1)[0];
    };
    // The simulator went away (the test is ending): the service sees a dropped connection.
    forward(sim, req, res, takeHold).catch(() => res.destroy());
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
    upstream: { ...sim, utilityUrl: `${url}/utility`, cloudUrl: `${url}/cloud` },
    holdNext(method, path) {
      let reached!: () => void;
      let release!: () => void;
      const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.push({ method: method.toUpperCase(), path, reached, released });
      return { reached: reachedPromise, release };
    },
  };
}

async function forward(
  sim: Simulator,
  req: IncomingMessage,
  res: ServerResponse,
  takeHold: () => { reached: () => void; released: Promise<void> } | undefined,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = Object.fromEntries(
    Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)),
  ) as Record<string, string>;
  const hold = takeHold();
  const answer = await request(`${sim.url}${req.url ?? '/'}`, {
    method: req.method as 'GET',
    headers,
    body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
  });
  const body = Buffer.from(await answer.body.arrayBuffer());
  if (hold) {
    hold.reached();
    await hold.released;
  }
  const answerHeaders = Object.fromEntries(
    Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)),
  );
  res.writeHead(answer.statusCode, { ...answerHeaders, 'content-length': String(body.length) });
  res.end(body);
}
