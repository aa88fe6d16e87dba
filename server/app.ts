import { createHash, randomBytes, randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { bucketOf, mergeOp, type ServerRow } from '../shared/sync/merge';
import {
  MAX_BODY_BYTES,
  MAX_PULL_LIMIT,
  SKEW_WARN_MS,
  STATE_OWNED_TABLES,
  SYNCED_TABLE_NAMES,
  acBucket,
  districtBucket,
  enrolRequestSchema,
  figuresRequestSchema,
  pcBucket,
  pullRequestSchema,
  pushRequestSchema,
  registerDeviceSchema,
  type AdminOverview,
  type DeviceInfo,
  type EnrolResponse,
  type FiguresResponse,
  type OpResult,
  type PcFigures,
  type PullResponse,
  type PushOp,
  type PushResponse,
  type RegisterDeviceResponse,
  type SyncErrorBody,
} from '../shared/sync/protocol';
import { parseHlc } from '../shared/sync/hlc';
import { MIN_CLIENT_SCHEMA_VERSION, SYNC_SCHEMA_VERSION } from '../shared/sync/version';
import type { Geography } from './geography';
import type { DeviceRecord, OpOutcome, Storage } from './storage/Storage';

export interface ServerOptions {
  storage: Storage;
  geography: Geography;
  /** Server admin token (CLI/env); state devices are admins too. */
  adminToken?: string;
  now?: () => number;
  /** false in tests; pino JSON lines otherwise. */
  logger?: boolean;
  minClientVersion?: number;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Enrolment codes are typed by hand: no 0/O/1/I/L. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newEnrolmentCode(): string {
  const bytes = randomBytes(10);
  let s = '';
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: SyncErrorBody,
  ) {
    super(body.message);
  }
}

function publicDevice(d: DeviceRecord): DeviceInfo {
  return {
    id: d.id,
    name: d.name,
    scope: d.scope,
    pcNo: d.pcNo,
    createdAt: d.createdAt,
    enrolledAt: d.enrolledAt,
    revokedAt: d.revokedAt,
    lastSyncAt: d.lastSyncAt,
    schemaVersion: d.schemaVersion,
  };
}

function updateRequired(version: number, min: number): HttpError {
  return new HttpError(426, {
    error: 'update_required',
    message: `This copy of Sangathan Control Room is too old to sync (data version ${version}; the state server needs ${min} or newer). Install the update from the state office, then sync again — your changes are kept until then.`,
  });
}

/**
 * The state server: device registry, push and pull, admin overview. Routes validate every body with the
 * protocol's schemas; logs carry ids and counts only, never row contents, phone numbers or voter ids.
 */
export function buildServer(opts: ServerOptions): FastifyInstance {
  const { storage, geography } = opts;
  const now = opts.now ?? Date.now;
  const minVersion = opts.minClientVersion ?? MIN_CLIENT_SCHEMA_VERSION;
  const iso = () => new Date(now()).toISOString();
  const app = Fastify({
    bodyLimit: MAX_BODY_BYTES,
    logger: opts.logger === false ? false : { level: 'info', redact: ['req.headers.authorization'] },
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (err instanceof HttpError) return reply.status(err.status).send(err.body);
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
      return reply.status(413).send({ error: 'too_large', message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB. Nothing was changed; the app sends smaller batches.` });
    }
    if (err.statusCode && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ error: 'invalid', message: `The request could not be read (${err.code ?? 'bad request'}). Nothing was changed.` });
    }
    req.log.error({ err: { message: err.message, code: err.code } }, 'request failed');
    return reply.status(500).send({ error: 'internal', message: 'The state server hit an error. Nothing was changed; try again shortly.' });
  });

  function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, body: unknown): T {
    const r = schema.safeParse(body);
    if (!r.success) {
      const i = r.error.issues[0];
      throw new HttpError(400, { error: 'invalid', message: `The request is malformed at ${i.path.map(String).join('.') || 'the top level'}: ${i.message}. Nothing was changed.` });
    }
    return r.data;
  }

  function checkVersion(body: unknown): void {
    const v = (body as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof v === 'number' && Number.isInteger(v) && v < minVersion) throw updateRequired(v, minVersion);
  }

  async function device(req: FastifyRequest): Promise<DeviceRecord> {
    const h = req.headers.authorization;
    const token = h?.startsWith('Bearer ') ? h.slice(7).trim() : '';
    if (!token) throw new HttpError(401, { error: 'unauthorised', message: 'This computer is not enrolled with the state server. Enter an enrolment code from the state office.' });
    const d = await storage.deviceByToken(sha256(token));
    if (!d) throw new HttpError(401, { error: 'unauthorised', message: 'The state server does not know this computer’s credential. Ask the state office for a new enrolment code.' });
    if (d.revokedAt) throw new HttpError(403, { error: 'revoked', message: 'The state office has revoked this computer’s access. Ask them for a new enrolment code; your local changes are kept.' });
    return d;
  }

  async function admin(req: FastifyRequest): Promise<void> {
    const h = req.headers.authorization;
    const token = h?.startsWith('Bearer ') ? h.slice(7).trim() : '';
    if (opts.adminToken && token === opts.adminToken) return;
    const d = await device(req);
    if (d.scope !== 'state') throw new HttpError(403, { error: 'forbidden', message: 'Only the state office can manage devices.' });
  }

  /** Every bucket the device reads: the state's, then its Lok Sabha's, its districts' and its assembly constituencies'. */
  function bucketsOf(d: DeviceRecord): string[] {
    const state = d.scope === 'state';
    const pcs = state ? geography.allPcs() : [d.pcNo ?? 0];
    const districts = state ? geography.allDistricts() : geography.districtsOfPc(d.pcNo ?? 0);
    const acs = state ? geography.allAcs() : geography.acsOfPc(d.pcNo ?? 0);
    return ['state', ...pcs.map(pcBucket), ...districts.map(districtBucket), ...acs.map(acBucket)];
  }

  /** Scope, role and schema checks, then the conflict rules. */
  function decideFor(d: DeviceRecord) {
    const writable = new Set(d.scope === 'state' ? bucketsOf(d) : bucketsOf(d).filter((b) => b !== 'state'));
    return (existing: ServerRow | null, op: PushOp): OpOutcome => {
      const reject = (reason: string): OpOutcome => ({ result: { seq: op.seq, status: 'rejected', reason }, write: null, lost: [] });
      if (!(SYNCED_TABLE_NAMES as readonly string[]).includes(op.table)) return reject(`The state server does not sync the table "${op.table}".`);
      if (d.scope !== 'state' && STATE_OWNED_TABLES.includes(op.table as never)) {
        return reject(`Only the state office can change ${op.table.replace('_', ' ')}; this change stays on this computer only.`);
      }
      const bucket = bucketOf(op.table, op.data);
      if (!writable.has(bucket) || (existing && !writable.has(existing.bucket))) {
        const target = existing && !writable.has(existing.bucket) ? existing.bucket : bucket;
        const [kind, key] = target.split(':');
        const what =
          kind === 'state' ? 'the state’s reference data' : kind === 'ac' ? `assembly constituency ${key}` : kind === 'pc' ? `Lok Sabha constituency ${key}` : `district ${key}`;
        return reject(`This control room may not change ${what} (row ${op.id} in ${op.table}).`);
      }
      if (existing && existing.data.source === 'reference' && d.scope !== 'state') return reject('Reference geography is owned by the state office.');
      const m = mergeOp(existing, op);
      if (m.kind === 'rejected') return reject(m.reason);
      if (!writable.has(m.row.bucket)) return reject(`This control room may not move a row to ${m.row.bucket} (row ${op.id} in ${op.table}).`);
      const result: OpResult = { seq: op.seq, status: m.kind };
      if (m.lost.some((l) => l.losingHlc === op.hlc)) {
        result.reason = m.lost.some((l) => l.reason === 'status')
          ? 'A status change (of a committee or a visit) was not a legal step from the status the server holds; it is listed under Conflicts.'
          : 'Another change to the same field was newer; your value is listed under Conflicts.';
      }
      // A change that lost anything re-sequences the row, so the device that sent it pulls the
      // server's value back instead of keeping its own (otherwise that room would never converge).
      const resend = existing !== null && (m.kind === 'superseded' || m.lost.length > 0);
      return { result, write: m.changed || resend ? m.row : null, lost: m.lost };
    };
  }

  app.get('/health', async () => ({ ok: true, schemaVersion: SYNC_SCHEMA_VERSION, minClientVersion: minVersion, storage: storage.kind }));

  app.post('/enrol', async (req): Promise<EnrolResponse> => {
    checkVersion(req.body);
    const body = parse(enrolRequestSchema, req.body);
    const d = await storage.deviceByCode(sha256(body.code.toUpperCase()));
    if (!d || d.revokedAt) throw new HttpError(403, { error: 'unauthorised', message: 'That enrolment code is not valid or was already used. Ask the state office for a new one.' });
    const token = randomBytes(32).toString('base64url');
    if (!(await storage.enrolDevice(d.id, sha256(token), iso(), body.schemaVersion))) {
      throw new HttpError(403, { error: 'unauthorised', message: 'That enrolment code was already used. Ask the state office for a new one.' });
    }
    req.log.info({ device: d.id }, 'device enrolled');
    const enrolled = (await storage.deviceByToken(sha256(token)))!;
    return { device: publicDevice(enrolled), token, buckets: bucketsOf(enrolled) };
  });

  app.post('/sync/push', async (req): Promise<PushResponse> => {
    const d = await device(req);
    checkVersion(req.body);
    const body = parse(pushRequestSchema, req.body);
    const results = await storage.push(d.id, body.ops, decideFor(d), iso());
    await storage.touchDevice(d.id, iso(), body.schemaVersion);
    const serverTime = now();
    let clockWarning: string | undefined;
    const ahead = Math.max(0, ...body.ops.map((o) => parseHlc(o.hlc).millis - serverTime));
    if (ahead > SKEW_WARN_MS) {
      clockWarning = `This computer’s clock is about ${Math.round(ahead / 60000)} minutes ahead of the state server. Set the date and time correctly: changes made with a wrong clock can win over newer ones.`;
    }
    const counts = { applied: 0, rejected: 0, superseded: 0 };
    for (const r of results) counts[r.status]++;
    req.log.info({ device: d.id, ops: body.ops.length, ...counts }, 'push');
    return { results, serverTime, ...(clockWarning ? { clockWarning } : {}) };
  });

  app.post('/sync/pull', async (req, reply) => {
    const d = await device(req);
    checkVersion(req.body);
    const body = parse(pullRequestSchema, req.body);
    const allowed = bucketsOf(d);
    const cursors: Record<string, number> = {};
    for (const b of allowed) cursors[b] = body.cursors[b] ?? 0;
    const page = await storage.pullRaw(cursors, Math.min(body.limit, MAX_PULL_LIMIT));
    const conflicts = await storage.conflicts(allowed, body.conflictCursor, 500);
    await storage.touchDevice(d.id, iso(), body.schemaVersion);
    req.log.info({ device: d.id, rows: page.rows.length, remaining: page.remaining }, 'pull');
    // A PullResponse, written out by hand: each row's data is spliced in as the JSON text the storage
    // holds, instead of parsing and re-serialising thousands of rows per page.
    const rows = page.rows.map(
      (r) =>
        `{"bucket":${JSON.stringify(r.bucket)},"seq":${Number(r.seq)},"table":${JSON.stringify(r.table)},"id":${JSON.stringify(r.id)},"hlc":${JSON.stringify(r.hlc)},"deleted":${Number(r.deleted)},"data":${r.data}${r.movedTo ? `,"movedTo":${JSON.stringify(r.movedTo)}` : ''}}`,
    );
    const rest: Omit<PullResponse, 'rows'> = { cursors: page.cursors, remaining: page.remaining, conflicts, serverTime: now() };
    return reply.type('application/json; charset=utf-8').send(`{"rows":[${rows.join(',')}],${JSON.stringify(rest).slice(1)}`);
  });

  // A Lok Sabha device reports its own headline figures and every device reads every Lok Sabha's.
  app.post('/sync/figures', async (req): Promise<FiguresResponse> => {
    const d = await device(req);
    checkVersion(req.body);
    const body = parse(figuresRequestSchema, req.body);
    if (body.figures) {
      if (d.scope !== 'pc' || d.pcNo === null) throw new HttpError(403, { error: 'forbidden', message: 'Only a Lok Sabha control room reports its figures.' });
      await storage.putFigures(d.pcNo, JSON.stringify(body.figures), iso());
    }
    const figures = (await storage.listFigures()).map((f) => ({ ...(JSON.parse(f.figures) as PcFigures), pcNo: f.pcNo, reportedAt: f.reportedAt }));
    return { figures };
  });

  app.get('/admin/overview', async (req): Promise<AdminOverview> => {
    await admin(req);
    const devices = (await storage.listDevices()).map(publicDevice);
    const freshness = (await storage.freshness()).map((f) => {
      const acNo = f.bucket.startsWith('ac:') ? Number(f.bucket.slice(3)) : null;
      const pcNo = f.bucket.startsWith('pc:') ? Number(f.bucket.slice(3)) : acNo === null ? null : geography.pcOfAc(acNo);
      return { ...f, acNo, pcNo };
    });
    // The newest first: the oldest 200 say nothing about what is going wrong now.
    const conflicts = await storage.latestConflicts(200);
    return { devices, freshness, conflicts };
  });

  app.post('/admin/devices', async (req): Promise<RegisterDeviceResponse> => {
    await admin(req);
    const body = parse(registerDeviceSchema, req.body);
    if (body.scope === 'pc' && geography.acsOfPc(body.pcNo ?? 0).length === 0) {
      throw new HttpError(400, { error: 'invalid', message: `There is no Lok Sabha constituency number ${body.pcNo}.` });
    }
    const code = newEnrolmentCode();
    const rec: DeviceRecord = {
      id: randomUUID(),
      name: body.name,
      scope: body.scope,
      pcNo: body.scope === 'pc' ? body.pcNo : null,
      createdAt: iso(),
      enrolledAt: null,
      revokedAt: null,
      lastSyncAt: null,
      schemaVersion: null,
      tokenHash: null,
      codeHash: sha256(code),
    };
    await storage.insertDevice(rec);
    req.log.info({ device: rec.id, scope: rec.scope, pcNo: rec.pcNo }, 'device registered');
    return { device: publicDevice(rec), code };
  });

  app.post('/admin/devices/:id/revoke', async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    await admin(req);
    if (!(await storage.revokeDevice(req.params.id, iso()))) {
      throw new HttpError(404, { error: 'not_found', message: 'No such device, or it was already revoked.' });
    }
    req.log.info({ device: req.params.id }, 'device revoked');
    return reply.send({ ok: true });
  });

  return app;
}

/** First start: the state office's own device, so the admin screens can be reached from the app. */
export async function ensureStateDevice(storage: Storage, now: () => number): Promise<string | null> {
  const devices = await storage.listDevices();
  if (devices.some((d) => d.scope === 'state' && !d.revokedAt)) return null;
  const code = newEnrolmentCode();
  await storage.insertDevice({
    id: randomUUID(),
    name: 'State office',
    scope: 'state',
    pcNo: null,
    createdAt: new Date(now()).toISOString(),
    enrolledAt: null,
    revokedAt: null,
    lastSyncAt: null,
    schemaVersion: null,
    tokenHash: null,
    codeHash: sha256(code),
  });
  return code;
}
