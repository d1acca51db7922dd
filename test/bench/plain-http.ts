import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlainProcess, type ServiceProcess } from './processes.js';

/**
 * The limit to move towards (issue 20): a plain node:http server in its own process answering
 * every request with the same precomputed bytes, the service's own warm answer, so that its row
 * and the service's compare the same body over the same connections. It reads (drains) each
 * request body as the service must, and does nothing else.
 */
const SERVER = `
const { createServer } = require('node:http');
const body = require('node:fs').readFileSync(process.env.PLAIN_BODY_FILE);
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log('plain http on http://127.0.0.1:' + server.address().port + '/'));
`;

export const PLAIN_HTTP_VARIANT = 'node:http, same bytes';

/** Starts the plain server answering `body` (the bytes of one warm answer). */
export async function startPlainHttp(body: string, nodeArgs: string[] = []): Promise<ServiceProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-plain-'));
  const file = join(dir, 'body.json');
  writeFileSync(file, body);
  const plain = await startPlainProcess(SERVER, { PLAIN_BODY_FILE: file }, nodeArgs);
  return {
    ...plain,
    close: async () => {
      await plain.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
