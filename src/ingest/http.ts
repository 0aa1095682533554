// Fetching pages and feeds over HTTP(S), politely and safely: a timeout, a size limit (counted as the
// bytes arrive, the download stopped past it), redirects followed one hop at a time and each hop
// checked, a User-Agent that says who asks, conditional requests, one request at a time per host with
// a pause between two, robots.txt honoured, and no address of this machine or its network reached
// unless allowed (a feed must not make vigie read the machine's own services).
//
// node:http(s) rather than fetch: its `lookup` hook sees the very address a connection is made to, so
// the address checked is the address used (a name that resolves to a public address when checked and
// to 127.0.0.1 when connecting is refused too).
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { lookup as dnsLookup } from 'node:dns/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import ipaddr from 'ipaddr.js';
import robotsParserModule from 'robots-parser';
import { formatBytes } from './decode.ts';

// robots-parser is CommonJS whose module.exports is the function; its types declare an ES default export.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => { isAllowed(url: string, ua?: string): boolean | undefined };

export const USER_AGENT = 'vigie/0.1.0 (conflict event database from news reports; reads pages and feeds it is given, one request at a time per site)';
/** The name robots.txt rules are matched against. */
const ROBOTS_AGENT = 'vigie';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

export interface FetchOptions {
  /** Longest a request may take, from connecting to the last byte (default 30 s). */
  readonly timeoutMs?: number;
  /** Largest body read (default 10 MB): past it the download is stopped. */
  readonly maxBytes?: number;
  /** Redirects followed (default 5). */
  readonly maxRedirects?: number;
  readonly userAgent?: string;
  /** Pause between two requests to one host (default 1 s). */
  readonly hostDelayMs?: number;
  /** Reach loopback, private, link-local and other non-public addresses (default false). */
  readonly allowPrivate?: boolean;
  /** Honour robots.txt (default true). */
  readonly robots?: boolean;
  /** How a host name is resolved (default: the system's resolver, every address). */
  readonly lookup?: (hostname: string) => Promise<readonly ResolvedAddress[]>;
  /**
   * Whether an address may be reached when private addresses are not allowed (default: public
   * unicast addresses only). Tests pass one that takes a test host name for a public site.
   */
  readonly addressAllowed?: (address: string, hostname: string) => boolean;
  /** Stops every request (a watch being shut down). */
  readonly signal?: AbortSignal;
}

export interface Conditional {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export type FetchResponse =
  | { readonly status: 'ok'; readonly url: string; readonly bytes: Buffer; readonly contentType: string | null; readonly etag: string | null; readonly lastModified: string | null }
  | { readonly status: 'not-modified'; readonly url: string };

/** A fetch that failed, with the URL it was for and why, in words. */
export class FetchError extends Error {
  constructor(readonly url: string, readonly reason: string) {
    super(`${url}: ${reason}`);
  }
}

/**
 * True for a public unicast address. Loopback, private (10/8, 172.16/12, 192.168/16), link-local
 * (169.254/16, where clouds' metadata services answer, fe80::/10), carrier-grade NAT, unique local
 * IPv6 (fc00::/7), multicast, reserved and unspecified addresses are not; an IPv4 address written as
 * IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
 */
export function isPublicAddress(address: string): boolean {
  try {
    return ipaddr.process(address).range() === 'unicast';
  } catch {
    return false;
  }
}

const defaultLookup = async (hostname: string): Promise<readonly ResolvedAddress[]> =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * One fetcher per run: it keeps each host's turn and each site's robots.txt for the run's length.
 * Every method answers with the URL it was for, or throws a FetchError naming it.
 */
export class Fetcher {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly userAgent: string;
  private readonly hostDelayMs: number;
  private readonly allowPrivate: boolean;
  private readonly robots: boolean;
  private readonly lookup: (hostname: string) => Promise<readonly ResolvedAddress[]>;
  private readonly addressAllowed: (address: string, hostname: string) => boolean;
  private readonly signal: AbortSignal | undefined;
  /** Per host, the end of its last request: the next waits for it, and for the pause after it. */
  private readonly turns = new Map<string, Promise<void>>();
  private readonly robotsTxt = new Map<string, Promise<((url: string) => boolean)>>();

  constructor({ timeoutMs = 30_000, maxBytes = 10 * 1024 * 1024, maxRedirects = 5, userAgent = USER_AGENT, hostDelayMs = 1000, allowPrivate = false, robots = true, lookup = defaultLookup, addressAllowed = (a) => isPublicAddress(a), signal }: FetchOptions = {}) {
    this.timeoutMs = timeoutMs;
    this.maxBytes = maxBytes;
    this.maxRedirects = maxRedirects;
    this.userAgent = userAgent;
    this.hostDelayMs = hostDelayMs;
    this.allowPrivate = allowPrivate;
    this.robots = robots;
    this.lookup = lookup;
    this.addressAllowed = addressAllowed;
    this.signal = signal;
  }

  /** Fetches a page or a feed, following redirects; with `conditional`, a 304 answers 'not-modified'. */
  async fetch(url: string, conditional: Conditional | null = null): Promise<FetchResponse> {
    const seen = new Set<string>();
    let current = checkedUrl(url, url);
    for (let hop = 0; ; hop++) {
      if (seen.has(current.href)) throw new FetchError(url, `redirect loop (back to ${current.href})`);
      seen.add(current.href);
      await this.checkHost(url, current);
      if (this.robots && !(await this.robotsAllow(current))) throw new FetchError(url, `refused by the site's robots.txt (${current.origin}/robots.txt)${current.href !== url ? ` for ${current.href}` : ''}`);
      // Validators belong to the URL asked for; a redirect's target is fetched in full.
      const answer = await this.request(url, current, hop === 0 ? conditional : null, this.maxBytes);
      if (answer.kind === 'redirect') {
        if (hop >= this.maxRedirects) throw new FetchError(url, `too many redirects (more than ${this.maxRedirects})`);
        current = checkedUrl(url, answer.location, current);
        continue;
      }
      if (answer.status === 304 && conditional) return { status: 'not-modified', url: current.href };
      if (answer.status < 200 || answer.status >= 300) throw new FetchError(url, `HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}${current.href !== url ? ` at ${current.href}` : ''}`);
      return { status: 'ok', url: current.href, bytes: answer.body, contentType: answer.headers['content-type'] ?? null, etag: header(answer.headers.etag), lastModified: header(answer.headers['last-modified']) };
    }
  }

  /** An address written in the URL is never looked up: it is checked here. */
  private checkLiteral(asked: string, url: URL): void {
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(hostname) && !this.allowPrivate && !this.addressAllowed(hostname, hostname)) {
      throw new FetchError(asked, `refused: ${hostname} is not a public address${url.href !== asked ? ` (redirected to ${url.href})` : ''}; give --allow-private to reach this machine or its network`);
    }
  }

  /** A host's addresses, every one of them allowed, or a FetchError saying which is not. */
  private async resolveChecked(asked: string, url: URL, name: string): Promise<readonly ResolvedAddress[]> {
    let addresses: readonly ResolvedAddress[];
    try {
      addresses = await this.lookup(name);
    } catch (e) {
      throw new FetchError(asked, describe(e));
    }
    if (!addresses.length) throw new FetchError(asked, `${name} has no address`);
    const refused = this.allowPrivate ? undefined : addresses.find((a) => !this.addressAllowed(a.address, name));
    if (refused) throw new FetchError(asked, `refused: ${name} resolves to ${refused.address}, not a public address${url.href !== asked ? ` (redirected to ${url.href})` : ''}; give --allow-private to reach this machine or its network`);
    return addresses;
  }

  /**
   * Whether the hop's host may be reached at all, checked before anything is asked of it (its
   * robots.txt included). The connection checks again the address it is really made to.
   */
  private async checkHost(asked: string, url: URL): Promise<void> {
    this.checkLiteral(asked, url);
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    if (!isIP(hostname) && !this.allowPrivate) await this.resolveChecked(asked, url, hostname);
  }

  private async robotsAllow(url: URL): Promise<boolean> {
    let rules = this.robotsTxt.get(url.origin);
    if (!rules) {
      rules = (async () => {
        const robotsUrl = `${url.origin}/robots.txt`;
        try {
          let target = new URL(robotsUrl);
          for (let hop = 0; hop <= 5; hop++) {
            const answer = await this.request(robotsUrl, target, null, 512 * 1024);
            if (answer.kind === 'redirect') { target = checkedUrl(robotsUrl, answer.location, target); continue; }
            // No robots.txt (4xx): everything is allowed, as the standard says (RFC 9309, 2.3.1.3).
            if (answer.status >= 400 && answer.status < 500) return () => true;
            // An unreachable robots.txt (5xx) means: stay away for now (RFC 9309, 2.3.1.4).
            if (answer.status >= 500) return () => false;
            const parsed = robotsParser(robotsUrl, answer.body.toString('utf8'));
            return (u: string) => parsed.isAllowed(u, ROBOTS_AGENT) !== false;
          }
          return () => true;
        } catch (e) {
          // A site that refuses the connection for robots.txt refuses it for the page too: that error is told there.
          if (e instanceof FetchError && /refused|private|not allowed/.test(e.reason)) throw e;
          return () => true;
        }
      })();
      this.robotsTxt.set(url.origin, rules);
    }
    return (await rules)(url.href);
  }

  /** One request, in the host's turn; its body read whole up to `limit` bytes. */
  private async request(asked: string, url: URL, conditional: Conditional | null, limit: number): Promise<RawAnswer> {
    const host = url.host;
    const previous = this.turns.get(host) ?? Promise.resolve();
    let done!: () => void;
    const mine = new Promise<void>((r) => (done = r));
    this.turns.set(host, previous.then(() => mine));
    await previous;
    try {
      return await this.requestNow(asked, url, conditional, limit);
    } finally {
      // The pause after a request is part of the host's turn: the next request to the host waits for
      // it. (Not unref'd: a request waiting for its turn has nothing else keeping the process alive.)
      setTimeout(done, this.hostDelayMs);
    }
  }

  private async requestNow(asked: string, url: URL, conditional: Conditional | null, limit: number): Promise<RawAnswer> {
    if (this.signal?.aborted) throw new FetchError(asked, 'stopped');
    this.checkLiteral(asked, url);
    const lookup = (name: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
      this.resolveChecked(asked, url, name).then((addresses) => {
        if (options.all) callback(null, addresses.map((a) => ({ address: a.address, family: a.family })));
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      }).catch((e: unknown) => callback(e));
    };
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (conditional?.etag) headers['if-none-match'] = conditional.etag;
    if (conditional?.lastModified) headers['if-modified-since'] = conditional.lastModified;
    const client = url.protocol === 'https:' ? https : http;
    const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
    return new Promise<RawAnswer>((resolve, reject) => {
      let settled = false;
      const fail = (reason: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.signal?.removeEventListener('abort', onAbort);
        req.destroy();
        reject(reason instanceof FetchError ? reason : new FetchError(asked, describe(reason)));
      };
      const onAbort = () => fail(new FetchError(asked, 'stopped'));
      const timer = setTimeout(() => fail(new FetchError(asked, `timed out after ${seconds(this.timeoutMs)}`)), this.timeoutMs);
      this.signal?.addEventListener('abort', onAbort, { once: true });
      const req = client.request(url, { method: 'GET', headers, lookup: lookup as never, agent: false }, (res) => {
        const status = res.statusCode ?? 0;
        if (REDIRECTS.has(status) && res.headers.location) {
          res.resume();
          settled = true;
          clearTimeout(timer);
          this.signal?.removeEventListener('abort', onAbort);
          req.destroy();
          resolve({ kind: 'redirect', location: res.headers.location });
          return;
        }
        const declared = Number(res.headers['content-length'] ?? NaN);
        const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
        if (!encoding && declared > limit) {
          fail(new FetchError(asked, `too large (${formatBytes(declared)} announced; the limit is ${formatBytes(limit)})`));
          return;
        }
        let body: Readable = res;
        if (encoding === 'gzip' || encoding === 'x-gzip') body = res.pipe(createGunzip());
        else if (encoding === 'deflate') body = res.pipe(createInflate());
        else if (encoding === 'br') body = res.pipe(createBrotliDecompress());
        const chunks: Buffer[] = [];
        let size = 0;
        body.on('data', (chunk: Buffer) => {
          size += chunk.length;
          // Counted as it arrives (after decompression: a small archive can hold a huge page).
          if (size > limit) { fail(new FetchError(asked, `too large (over ${formatBytes(limit)}; the download was stopped there)`)); return; }
          chunks.push(chunk);
        });
        body.on('error', (e) => fail(new FetchError(asked, `unreadable response (${describe(e)})`)));
        res.on('error', (e) => fail(e));
        body.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          this.signal?.removeEventListener('abort', onAbort);
          resolve({ kind: 'answer', status, statusText: res.statusMessage ?? '', headers: res.headers as Record<string, string | undefined>, body: Buffer.concat(chunks) });
        });
      });
      req.on('error', (e) => fail(e));
      req.end();
    });
  }
}

type RawAnswer =
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'answer'; readonly status: number; readonly statusText: string; readonly headers: Record<string, string | undefined>; readonly body: Buffer };

const header = (v: string | string[] | undefined): string | null => (Array.isArray(v) ? v[0] ?? null : v ?? null);

/** A URL vigie may fetch: http or https only, whatever the hop. */
function checkedUrl(asked: string, href: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    throw new FetchError(asked, base ? `redirected to an invalid URL (${JSON.stringify(href)})` : 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(asked, `${base ? `redirected to ${url.href}: ` : ''}the ${url.protocol} scheme is refused (vigie fetches http and https URLs only)`);
  }
  if (url.username || url.password) throw new FetchError(asked, 'URLs with credentials are refused');
  return url;
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ECONNREFUSED': return 'connection refused';
    case 'ENOTFOUND': return 'no such host';
    case 'ECONNRESET': return 'connection reset by the server';
    case 'EAI_AGAIN': return 'the host name could not be resolved (DNS)';
    case 'CERT_HAS_EXPIRED': return 'the certificate has expired';
    default: return err?.message ?? String(e);
  }
}
