import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import selfsigned from 'selfsigned';
import { fixtureCandidates } from '../../../extension/practice/fixture-lookup';

/**
 * One local HTTPS server that answers for every portal hostname. Chromium is
 * pointed at it with --host-resolver-rules, so pages load under their real
 * https://<portal host>/ URLs and the manifest's real match patterns apply.
 * Static files come from test/fixtures/<host>/; tests can add dynamic routes.
 */
export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

export interface FixtureServer {
  port: number;
  /** Route `METHOD host/path` (path without query) to a handler; later routes win. */
  route(method: string, host: string, pathname: string, handler: Handler): void;
  /** Every request seen, for assertions (e.g. that nothing was sent to a portal). */
  requests: Array<{ method: string; host: string; url: string; body: string }>;
  close(): Promise<void>;
}

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../../fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

let certCache: Promise<{ key: string; cert: string }> | undefined;
function certificate() {
  // Made at test time: no key material lives in the repository.
  certCache ??= selfsigned
    .generate([{ name: 'commonName', value: 'tro-ly-dvc.test' }], { keySize: 2048, algorithm: 'sha256' })
    .then((p: { private: string; cert: string }) => ({ key: p.private, cert: p.cert }));
  return certCache;
}

/**
 * Maps a request to a fixture file by the lookup the practice pages use too (the file, <path>.html,
 * <path>/index.html, the nearest route-prefix _.html, the host's _spa.html): like the real SPA, every
 * route of a single-page-app host is served the same page and the fixture's own router renders it.
 */
async function staticFile(host: string, pathname: string): Promise<string | undefined> {
  const base = path.join(FIXTURES_DIR, host);
  for (const candidate of fixtureCandidates(pathname)) {
    const file = path.join(base, candidate);
    if (!file.startsWith(base)) continue;
    if ((await stat(file).catch(() => undefined))?.isFile()) return file;
  }
  return undefined;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const { key, cert } = await certificate();
  const routes: Array<{ method: string; host: string; pathname: string; handler: Handler }> = [];
  const requests: FixtureServer['requests'] = [];

  const server: Server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const url = new URL(req.url ?? '/', `https://${host}`);
      requests.push({ method: req.method ?? 'GET', host, url: url.href, body });
      try {
        const route = [...routes].reverse().find(
          (r) => r.method === req.method && r.host === host && r.pathname === url.pathname,
        );
        if (route) return await route.handler(req, res, body);
        const file = req.method === 'GET' ? await staticFile(host, url.pathname) : undefined;
        if (!file) {
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy trang');
          return;
        }
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(await readFile(file));
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    route: (method, host, pathname, handler) => routes.push({ method, host, pathname, handler }),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
