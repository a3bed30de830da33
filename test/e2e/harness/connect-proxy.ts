import { createServer, type Server } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A tiny HTTP CONNECT proxy for browsers that have no host-resolver rules (Firefox): it tunnels
 * `CONNECT <fixture host>:443` to the local fixture server and refuses everything else, so pages
 * load under their real https://<host>/ URLs on the default port, and nothing leaves the machine.
 */
export interface ConnectProxy {
  port: number;
  /** `host:port` of every refused CONNECT or plain request, for assertions and debugging. */
  refused: string[];
  close(): Promise<void>;
}

export async function startConnectProxy({ hosts, targetPort }: { hosts: readonly string[]; targetPort: number }): Promise<ConnectProxy> {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  const refused: string[] = [];
  const sockets = new Set<net.Socket>();
  const server: Server = createServer((req, res) => {
    // Plain-HTTP proxying is never needed: every fixture is HTTPS.
    refused.push(req.url ?? '');
    res.writeHead(403, { 'content-type': 'text/plain' }).end('refused by the test proxy');
  });
  server.on('connect', (req, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const [host = '', port = ''] = (req.url ?? '').toLowerCase().split(':');
    if (port !== '443' || !allowed.has(host)) {
      refused.push(req.url ?? '');
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
