import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const root = __dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Dependencies stay in node_modules (better-sqlite3 is native and must be loaded from disk).
      externalizeDeps: { include: ['better-sqlite3', 'electron'] },
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The core's utility process (database + services) and the Node web host: same code, two hosts.
          coreProcess: resolve(root, 'electron/main/coreProcess.ts'),
          webHost: resolve(root, 'electron/main/host/startWebHost.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // Relative asset URLs: the same build loads from file:// in Electron and from the web host.
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
});
