import type { Handlers } from '../../shared/ipc/contract';

export interface CoreOptions {
  /** Path of the SQLite file; created and migrated when missing. ':memory:' in tests. */
  dbPath: string;
  /** Folder holding `jharkhand/` (the reference geography) — `resources/` in the repo, process.resourcesPath when packaged. */
  resourcesDir: string;
  mode: 'electron' | 'web';
  /** Wall clock; tests pass a fake one. */
  now?: () => number;
  /** Path of a better-sqlite3 native binary built for the running runtime (Electron); default: the installed one. */
  nativeBinding?: string;
}

export interface Core {
  handlers: Handlers;
  close(): void;
}
