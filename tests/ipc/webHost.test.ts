import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../shared/ipc/contract';
import { createWebHost, type WebHost } from '../../electron/main/host/webHost';

// A hand-made stub: these tests are about the HTTP transport, not the services behind it.
const calls: { name: string; input: unknown }[] = [];
const handlers = {
  'units.search': (input: unknown) => {
    calls.push({ name: 'units.search', input });
    return [{ id: 'ac-62', nameEn: 'Ranchi' }];
  },
  'people.findByPhone': () => null,
  'history.last': () => {
    throw new Error('boom with a phone number 98xxxxxx10');
  },
} as unknown as Handlers;

let host: WebHost;
let rendererDir: string;
let outsideFile: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(tmpdir(), 'sangathan-webhost-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Sangathan Control Room</title>');
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(path.join(rendererDir, 'assets', 'districts.geojson'), '{"type":"FeatureCollection","features":[]}');
  writeFileSync(path.join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // A file next to the renderer folder, which a `..` path must never reach.
  outsideFile = path.join(path.dirname(rendererDir), `secret-${path.basename(rendererDir)}.txt`);
  writeFileSync(outsideFile, 'outside the renderer');
  host = await createWebHost({ handlers, rendererDir, port: 0 });
});

afterAll(async () => {
  await host.close();
  rmSync(rendererDir, { recursive: true, force: true });
  rmSync(outsideFile, { force: true });
});

function post(name: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${host.url}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('web host: the contract over HTTP', () => {
  it('listens on 127.0.0.1 on the port it was given (0 = a free one)', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.port).toBeGreaterThan(0);
  });

  it('answers a valid call with {ok:true,value}, the handler seeing validated input with defaults', async () => {
    const res = await post('units.search', JSON.stringify({ q: 'Ranchi' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: [{ id: 'ac-62', nameEn: 'Ranchi' }] });
    expect(calls.at(-1)).toEqual({ name: 'units.search', input: { q: 'Ranchi', limit: 50 } });
  });

  it('carries a null value through', async () => {
    const res = await post('people.findByPhone', JSON.stringify({ phone: '9800000000' }));
    expect(await res.json()).toEqual({ ok: true, value: null });
  });

  it('answers an invalid payload with invalid_input (HTTP 200) without calling the handler', async () => {
    const before = calls.length;
    const res = await post('units.search', JSON.stringify({ q: 'Ranchi', limit: 0 }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'limit' } });
    expect(calls.length).toBe(before);
  });

  it('answers an unknown call with not_found', async () => {
    const res = await post('units.dropTable', '{}');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('answers a body that is not JSON with HTTP 400 and a clear message', async () => {
    const res = await post('units.search', '{"q": Ranchi');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
  });

  it('turns an unexpected handler failure into an internal error without leaking its message', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await post('history.last', '{}');
    logged.mockRestore();
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(body)).not.toContain('98xxxxxx10');
  });

  it('refuses a request from another web site with 403', async () => {
    const before = calls.length;
    const res = await post('units.search', JSON.stringify({ q: 'Ranchi' }), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls.length).toBe(before);
  });

  it('accepts a request carrying its own origin', async () => {
    const res = await post('units.search', JSON.stringify({ q: 'Dumka' }), { origin: host.url });
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('refuses GET on an API call', async () => {
    const res = await fetch(`${host.url}/api/units.search`);
    expect(res.status).toBe(405);
  });
});

describe('web host: the built renderer', () => {
  it('serves index.html at / with a strict CSP', async () => {
    const res = await fetch(`${host.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>Sangathan Control Room</title>');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('falls back to index.html for an app route', async () => {
    const res = await fetch(`${host.url}/dashboard/pc/5`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Sangathan Control Room');
  });

  it('serves fonts, GeoJSON and SVG with their content types', async () => {
    const font = await fetch(`${host.url}/assets/font.woff2`);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    const geo = await fetch(`${host.url}/assets/districts.geojson`);
    expect(geo.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(await geo.json()).toEqual({ type: 'FeatureCollection', features: [] });
    const svg = await fetch(`${host.url}/assets/logo.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers 404 for a missing asset and never serves files outside the renderer folder', async () => {
    expect((await fetch(`${host.url}/assets/missing.js`)).status).toBe(404);
    for (const probe of [`/..%2F${path.basename(outsideFile)}`, `/%2E%2E/${path.basename(outsideFile)}`, `/assets/..%2F..%2F${path.basename(outsideFile)}`]) {
      const res = await fetch(`${host.url}${probe}`);
      expect(await res.text()).not.toContain('outside the renderer');
    }
  });

  it('refuses a request addressed to a foreign host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${host.url}/`, { headers: { host: `evil.example:${host.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});

describe('web host: the test clock', () => {
  it('is not there unless the host was given one: POST /__test/clock is refused', async () => {
    const res = await fetch(`${host.url}/__test/clock`, { method: 'POST', body: '{"offsetDays":30}' });
    expect(res.status).toBe(405);
  });

  it('moves the clock when the host was started with --test-clock', async () => {
    const moved: number[] = [];
    const testHost = await createWebHost({ handlers, rendererDir, port: 0, testClock: { setOffsetDays: (d) => moved.push(d) } });
    try {
      const ok = await fetch(`${testHost.url}/__test/clock`, { method: 'POST', body: '{"offsetDays":31}' });
      expect(ok.status).toBe(200);
      const bad = await fetch(`${testHost.url}/__test/clock`, { method: 'POST', body: '{"offsetDays":"soon"}' });
      expect(bad.status).toBe(400);
      expect(moved).toEqual([31]);
    } finally {
      await testHost.close();
    }
  });
});
