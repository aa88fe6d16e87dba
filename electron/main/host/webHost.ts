import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { CallResult, Handlers } from '../../../shared/ipc/contract';
import { dispatch } from '../ipc/dispatch';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';

/** Imports carry whole CSV files (the contract allows 50 MB of text); leave room for JSON escaping. */
export const MAX_BODY_BYTES = 60 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export interface WebHostOptions {
  handlers: Handlers;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  host?: string;
  /** 0 picks any free port. */
  port: number;
  /**
   * Tests only: a movable clock, answered at `POST /__test/clock {"offsetDays": n}`. Absent unless the host was
   * started with `--test-clock`; the Electron app never creates one, so production cannot move its clock.
   */
  testClock?: { setOffsetDays(days: number): void };
}

export interface WebHost {
  server: http.Server;
  /** e.g. http://127.0.0.1:5174 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The Node host: the same contract as the Electron IPC, over `POST /api/<call>`, plus the built renderer.
 * Every call goes through `dispatch`, exactly like the IPC path, so web mode runs the same code.
 */
export async function createWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const rendererDir = path.resolve(options.rendererDir);
  const csp = contentSecurityPolicy();
  /** Host header values we answer to; null when bound to every interface (a deliberate LAN demo). */
  let allowedHosts: Set<string> | null = new Set();

  const server = http.createServer((req, res) => {
    handleRequest(req, res).catch((err: unknown) => {
      console.error('[web host] request failed:', err instanceof Error ? err.message : err);
      if (!res.headersSent) sendJson(res, 500, failure('internal', 'The app service failed to answer.'));
      else res.destroy();
    });
  });

  async function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://placeholder');

    // DNS-rebinding and cross-site guard: a page from another site may reach 127.0.0.1, but its
    // Host or Origin header then names that other site.
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    if (allowedHosts !== null && !allowedHosts.has(hostHeader)) {
      sendJson(res, 403, failure('forbidden', `Requests for host "${hostHeader}" are not served here.`));
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin.toLowerCase() !== `http://${hostHeader}`) {
      sendJson(res, 403, failure('forbidden', 'Requests from other web sites are not allowed.'));
      return;
    }

    if (options.testClock && url.pathname === '/__test/clock' && req.method === 'POST') {
      const body = await readBody(req, 1024);
      const days = body === 'too-large' ? NaN : Number((JSON.parse(body || '{}') as { offsetDays?: unknown }).offsetDays);
      if (!Number.isFinite(days)) {
        sendJson(res, 400, failure('invalid_input', 'Send {"offsetDays": <number>}.'));
        return;
      }
      options.testClock.setOffsetDays(days);
      sendJson(res, 200, { ok: true, value: { offsetDays: days } });
      return;
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      await handleApi(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)));
      return;
    }
    await serveStatic(req, res, url.pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendJson(res, 405, failure('invalid_input', `Use POST for /api/${name}.`));
      return;
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too-large') {
      sendJson(res, 413, failure('invalid_input', `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`));
      return;
    }
    let payload: unknown = {};
    if (body.trim() !== '') {
      try {
        payload = JSON.parse(body);
      } catch {
        sendJson(res, 400, failure('invalid_input', 'The request body is not valid JSON.'));
        return;
      }
    }
    const result = await dispatch(options.handlers, name, payload);
    // Errors travel as values with HTTP 200, exactly as over IPC; the client reads `ok`.
    sendJson(res, 200, result);
  }

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendText(res, 405, 'Method not allowed');
      return;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname);
    } catch {
      sendText(res, 400, 'Bad path');
      return;
    }
    const filePath = path.resolve(rendererDir, '.' + path.posix.normalize('/' + relative));
    if (filePath !== rendererDir && !filePath.startsWith(rendererDir + path.sep)) {
      sendText(res, 404, 'Not found');
      return;
    }
    let target = filePath;
    let info = await stat(target).catch(() => null);
    if (info?.isDirectory()) {
      target = path.join(target, 'index.html');
      info = await stat(target).catch(() => null);
    }
    if (!info?.isFile()) {
      // Browsers ask for a favicon on their own; the app has none, so say so without an error.
      if (relative === '/favicon.ico') {
        res.statusCode = 204;
        res.end();
        return;
      }
      // A missing asset is a 404; any other path is a client-side route, answered by the app itself.
      if (path.extname(filePath) !== '') {
        sendText(res, 404, 'Not found');
        return;
      }
      target = path.join(rendererDir, 'index.html');
      info = await stat(target).catch(() => null);
      if (!info?.isFile()) {
        sendText(res, 503, 'The renderer is not built yet: run `npm run build` first.');
        return;
      }
    }
    const type = CONTENT_TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream';
    res.statusCode = 200;
    res.setHeader('content-type', type);
    res.setHeader('content-length', info.size);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', target.endsWith('.html') ? 'no-cache' : 'public, max-age=3600');
    if (type.startsWith('text/html')) setPageHeaders(res);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(target);
      stream.on('error', reject);
      res.on('close', resolve);
      stream.pipe(res);
    });
  }

  function setPageHeaders(res: http.ServerResponse): void {
    res.setHeader('content-security-policy', csp);
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const wildcard = host === '0.0.0.0' || host === '::';
  allowedHosts = wildcard ? null : new Set(hostNames(host).map((name) => `${name}:${port}`));
  const displayHost = wildcard ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    server,
    port,
    url: `http://${displayHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The Host header names under which a server bound to `host` is reached legitimately. */
function hostNames(host: string): string[] {
  const lower = host.toLowerCase();
  if (['127.0.0.1', 'localhost', '::1'].includes(lower)) return LOOPBACK_NAMES;
  return [lower.includes(':') ? `[${lower}]` : lower];
}

function failure(code: 'invalid_input' | 'forbidden' | 'internal', message: string): CallResult<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body) ?? 'null';
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.end(text);
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('x-content-type-options', 'nosniff');
  res.end(text);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
