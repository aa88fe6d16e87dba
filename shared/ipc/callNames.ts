import type { CallName } from './contract';

/**
 * The call names as a plain list, without zod, so the sandboxed preload can expose exactly these
 * without bundling the schemas. A unit test checks it equals the contract's keys.
 */
export const CALL_NAME_LIST = [
  'app.info',
  'meta.lists',
  'geo.layers',
  'session.get',
  'users.create',
  'session.switch',
  'setup.start',
  'jobs.get',
  'jobs.cancel',
  'units.search',
  'units.get',
  'units.setHindiName',
  'committees.create',
  'committees.setStatus',
  'committees.addKind',
  'appointments.add',
  'appointments.remove',
  'people.findByPhone',
  'history.last',
  'history.undoLast',
  'rules.list',
  'rules.update',
  'dashboard.get',
  'import.preview',
  'import.commit',
  'export.csv',
  'offices.list',
  'offices.set',
  'speakers.list',
  'speakers.save',
  'speakers.remove',
  'rosters.importPreview',
  'rosters.importCommit',
  'rosters.export',
  'meetings.list',
  'meetings.create',
  'directives.get',
  'directives.mark',
  'compliance.get',
] as const satisfies readonly CallName[];

export const IPC_CHANNEL_PREFIX = 'api:';
