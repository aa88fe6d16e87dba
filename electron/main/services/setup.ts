import type { JobStatus, SetupStage } from '../../../shared/ipc/views';
import { getMeta, setMeta } from '../db/repositories/meta';
import { newId } from '../sync/writer';
import { AppError } from './AppError';
import { nowIso, SYSTEM_USER, type ServiceContext } from './context';
import { generateDemo } from './demo/generateDemo';
import { loadReference } from './reference/loadReference';

interface Job {
  status: JobStatus;
  cancelRequested: boolean;
  done: Promise<void>;
}

/**
 * First-start setup as a background job: the call returns at once with a job id, the renderer polls
 * `jobs.get` for progress and stage, and `jobs.cancel` stops demo generation (which then writes nothing).
 */
export class SetupJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly ctx: ServiceContext) {}

  start(input: { mode: 'empty' | 'demo'; seed?: number }): { jobId: string } {
    for (const j of this.jobs.values()) {
      if (j.status.state === 'running') {
        throw new AppError('conflict', 'Setup is already running. Wait for it to finish or cancel it first.');
      }
    }
    if (input.mode === 'demo' && getMeta(this.ctx.db, 'demo')) {
      throw new AppError('conflict', 'This database already holds demo data. Start with a new database to generate it again.', 'mode');
    }
    const id = newId();
    const job: Job = {
      status: { id, kind: 'setup', progress: 0, stage: 'reference', state: 'running', error: null },
      cancelRequested: false,
      done: Promise.resolve(),
    };
    this.jobs.set(id, job);
    job.done = this.run(job, input.mode, input.seed ?? 1);
    return { jobId: id };
  }

  get(jobId: string): JobStatus {
    return { ...this.find(jobId).status };
  }

  cancel(jobId: string): JobStatus {
    const job = this.find(jobId);
    if (job.status.state === 'running') job.cancelRequested = true;
    return { ...job.status };
  }

  /** Resolves when the job has ended (tests and the CLI wait on it). */
  whenDone(jobId: string): Promise<void> {
    return this.find(jobId).done;
  }

  private find(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not_found', 'That setup job is not known (the app may have restarted). Start setup again.', 'jobId');
    return job;
  }

  private async run(job: Job, mode: 'empty' | 'demo', seed: number): Promise<void> {
    const { ctx } = this;
    // Let the call that started the job answer first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      loadReference(ctx.db, ctx.clock, ctx.resourcesDir);
      job.status.progress = mode === 'demo' ? 0.05 : 1;
      if (mode === 'demo') {
        if (job.cancelRequested) throw new AppError('cancelled', 'Setup was cancelled.');
        await generateDemo({
          db: ctx.db,
          clock: ctx.clock,
          userId: SYSTEM_USER,
          seed,
          now: ctx.now(),
          onProgress: (progress: number, stage: SetupStage) => {
            job.status.progress = 0.05 + 0.95 * Math.min(1, Math.max(0, progress));
            job.status.stage = stage;
          },
          shouldCancel: () => job.cancelRequested,
        });
        if (!getMeta(ctx.db, 'demo')) setMeta(ctx.db, 'demo', JSON.stringify({ seed, generatedAt: nowIso(ctx) }));
      }
      setMeta(ctx.db, 'setup_done', '1');
      job.status = { ...job.status, progress: 1, stage: 'done', state: 'done' };
    } catch (err) {
      if (err instanceof AppError && err.code === 'cancelled') {
        job.status = { ...job.status, stage: 'cancelled', state: 'cancelled' };
      } else {
        // No payload or personal data in here: only what failed.
        console.error('[setup] failed:', err instanceof Error ? err.stack : err);
        job.status = {
          ...job.status,
          state: 'failed',
          error: err instanceof AppError ? err.message : 'Setup failed inside the app. Restart the app and try again.',
        };
      }
    }
  }
}
