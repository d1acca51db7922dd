import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** How long an ended socket may take to close (its peer's FIN) at the end of a shutdown. */
const FLUSH_MS = 1_000;

/** Live connections (WebSocket and SSE subscriptions) the drain leaves open until the grace ends. */
export interface LiveConnections {
  /** New ones are refused from now on; open ones keep flowing. */
  stopAccepting(): void;
  /** Closes them all (WebSocket 1001 going away, SSE streams ended). */
  close(): Promise<void>;
}

export interface Drain {
  /**
   * SIGTERM: stop listening, end idle keep-alive sockets and each other one once its answer is
   * sent; subscriptions keep receiving. When nothing is left open, or at the latest after
   * `graceMs`, the live connections are closed and any request still running is cut.
   */
  stop(options: { graceMs: number; live?: LiveConnections }): Promise<void>;
}

/**
 * Graceful shutdown of the node:http server. Unlike Apollo's drain plugin, which ends every
 * socket without a request in flight (an upgraded WebSocket among them, cut as idle: 1006 at
 * once), upgraded sockets are left to the subscription server, which closes them with 1001 at the
 * end of the grace period, so a subscriber keeps its updates while the service drains. A service
 * with no subscriber and nothing in flight stops at once.
 */
export function createDrain(httpServer: Server): Drain {
  /** HTTP sockets and the requests each is answering (upgraded sockets are not HTTP any more). */
  const requests = new Map<Socket, number>();
  let isStopping = false;

  httpServer.on('connection', (socket: Socket) => {
    requests.set(socket, 0);
    socket.once('close', () => requests.delete(socket));
  });
  httpServer.on('upgrade', (_req, socket: Socket) => requests.delete(socket));
  httpServer.on('request', (req, res) => {
    const socket = req.socket;
    requests.set(socket, (requests.get(socket) ?? 0) + 1);
    res.once('finish', () => {
      const pending = (requests.get(socket) ?? 1) - 1;
      if (!requests.has(socket)) return;
      requests.set(socket, pending);
      if (isStopping && pending === 0) socket.end();
    });
  });

  return {
    async stop({ graceMs, live }) {
      isStopping = true;
      live?.stopAccepting();
      // Resolves once every socket is closed, the subscriptions' too.
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      for (const [socket, pending] of requests) if (pending === 0) socket.end();
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([closed, graceOver]);
      clearTimeout(timer);
      await live?.close();
      // What is still answering is cut; a socket ended above gets a moment to flush its close.
      for (const [socket, pending] of requests) if (pending > 0) socket.destroy();
      const cut = setTimeout(() => {
        for (const socket of requests.keys()) socket.destroy();
      }, FLUSH_MS);
      await closed;
      clearTimeout(cut);
    },
  };
}
