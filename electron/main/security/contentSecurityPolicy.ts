/**
 * The renderer's Content-Security-Policy, shared by the Electron window (response header) and the Node
 * web host (HTTP header) so both modes run under the same rules.
 *
 * - Scripts only from the app itself: no inline scripts, no eval (zod runs jitless for this reason).
 * - Styles allow 'unsafe-inline' because Leaflet and Recharts position elements with inline styles;
 *   styles cannot run code, so this is the usual trade-off.
 * - Maps are drawn from bundled GeoJSON, so no tile server is allowed yet; `data:`/`blob:` images cover
 *   Leaflet's marker icons and chart exports.
 */
export function contentSecurityPolicy(options: { devServerOrigin?: string } = {}): string {
  const dev = options.devServerOrigin;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // The Vite dev server injects an inline React-refresh preamble; only the dev build allows it.
    'script-src': dev ? ["'self'", "'unsafe-inline'", dev] : ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': dev ? ["'self'", dev, dev.replace(/^http/, 'ws')] : ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"],
    'worker-src': ["'self'", 'blob:'],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
