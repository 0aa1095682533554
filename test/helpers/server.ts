// A real HTTP server on 127.0.0.1 for the tests of fetching: routes written by each test, every
// request recorded with its headers. Nothing leaves this machine.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface Served {
  readonly port: number;
  /** http://127.0.0.1:port + path */
  url(path: string): string;
  readonly requests: { readonly path: string; readonly headers: http.IncomingHttpHeaders; readonly at: number }[];
  /** Routes can be changed between requests (a feed that gains an item). */
  readonly routes: Record<string, Route>;
  close(): Promise<void>;
}

export async function serve(routes: Record<string, Route>): Promise<Served> {
  const requests: Served['requests'][number][] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path, headers: req.headers, at: Date.now() });
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    route(req, res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    routes,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
  };
}

/** A route that answers a body with validators, and 304 to a request that has them. */
export function withValidators(body: string | Buffer, contentType: string, etag: string, lastModified = 'Wed, 21 Feb 2024 10:00:00 GMT'): Route {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === lastModified)) {
      res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, etag, 'last-modified': lastModified }).end(body);
  };
}

export const page = (body: string | Buffer, contentType = 'text/html; charset=utf-8'): Route => (_req, res) => { res.writeHead(200, { 'content-type': contentType }).end(body); };
