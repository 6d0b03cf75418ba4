// CronJob controller: creates a Job at each scheduled time (concurrencyPolicy Allow/Forbid/Replace,
// suspend), and keeps successfulJobsHistoryLimit / failedJobsHistoryLimit finished Jobs.
import type { Simulation } from './simulation';
import type { PodOwner } from './runtime';
import type { PodFactory } from './pods';
import type { Controller, ControllerSet } from './controllers';
import { JobController } from './jobs';
import { defaultedJobSpec, type DefaultedCronJobSpec, type DefaultedJobSpec } from '../model';
import { jobNameForCronJob } from '../cluster/names';
import { nextRun, parseCron } from '../cluster/cron';

export class CronJobController implements Controller {
  /** Running Jobs, oldest first: a month of fires must not rescan every Job ever made. */
  private readonly active = new Set<JobController>();
  /** Finished Jobs kept by the history limits, oldest first (by creation, as removeOldestJobs sorts by start time). */
  private readonly history = { Complete: [] as JobController[], Failed: [] as JobController[] };
  private readonly created = new Map<JobController, number>();
  private fired = 0;
  /** The JobSpec of the Jobs it creates: the same for each (the template does not change during a run). */
  private jobSpec: DefaultedJobSpec | undefined;

  constructor(
    private readonly sim: Simulation,
    readonly owner: PodOwner,
    private readonly spec: DefaultedCronJobSpec,
    private readonly doc: number,
    private readonly namespace: string,
    private readonly controllers: ControllerSet,
    private readonly factory: PodFactory,
    /** Wall-clock time (epoch ms) at t = 0. */
    private readonly epoch: number,
    /** Path prefix of the object in its document (`items[3].` for an item of a List). */
    private readonly at = '',
  ) {}

  private get ref(): string {
    return `CronJob/${this.owner.name}`;
  }

  start(): void {
    const spec = this.spec;
    const parsed = parseCron(spec.timeZone ? `CRON_TZ=${spec.timeZone} ${spec.schedule}` : spec.schedule);
    if (!parsed.ok) {
      this.sim.note('warning', `CronJob ${this.owner.name}: ${parsed.error}`, this.doc);
      return;
    }
    if (spec.suspend) {
      this.sim.note('info', `CronJob ${this.owner.name} is suspended: it creates no Jobs`, this.doc);
      return;
    }
    const fire = (after: number) => {
      const next = nextRun(parsed.schedule, after);
      if (next === undefined) return;
      this.sim.at(next - this.epoch, () => {
        this.run(next);
        fire(next);
      });
    };
    fire(this.epoch + this.sim.now);
  }

  private run(scheduledEpochMs: number): void {
    const spec = this.spec;
    const active = [...this.active];
    const policy = spec.concurrencyPolicy;
    if (active.length > 0 && policy === 'Forbid') {
      this.sim.emit(
        this.ref,
        'Normal',
        'JobAlreadyActive',
        'Not starting job because prior execution is running and concurrency policy is Forbid',
        'cronjob-controller',
      );
      return;
    }
    if (active.length > 0 && policy === 'Replace') {
      for (const j of active) {
        // The Job object is deleted (with its pods): it is neither active nor part of the failed history.
        j.delete();
        this.controllers.remove(j);
        this.active.delete(j);
        this.created.delete(j);
        this.sim.emit(this.ref, 'Normal', 'SuccessfulDelete', `Deleted job ${j.owner.name}`, 'cronjob-controller');
      }
    }
    const name = jobNameForCronJob(this.owner.name, Math.floor(scheduledEpochMs / 1000));
    // The API server defaults the new Job (SetDefaults_Job); the CronJob's defaulting left its JobSpec alone.
    // Worked out once and shared, so the Jobs' pods share one defaulted pod spec too (controllers.ts, podSpecOf).
    const jobSpec = (this.jobSpec ??= defaultedJobSpec(spec.jobTemplate.spec!));
    const job = new JobController(
      this.sim,
      { kind: 'Job', name },
      jobSpec,
      {
        doc: this.doc,
        namespace: this.namespace,
        specPath: `${this.at}spec.jobTemplate.spec.template.spec`,
        template: jobSpec.template,
      },
      this.factory,
      (j) => this.finished(j),
    );
    this.active.add(job);
    this.created.set(job, this.fired++);
    this.sim.emit(this.ref, 'Normal', 'SuccessfulCreate', `Created job ${name}`, 'cronjob-controller');
    this.controllers.add(job);
  }

  private finished(job: JobController): void {
    this.active.delete(job);
    if (job.state !== 'Running') {
      const list = this.history[job.state];
      const seq = this.created.get(job) ?? 0;
      const i = list.findIndex((j) => (this.created.get(j) ?? 0) > seq);
      if (i < 0) list.push(job);
      else list.splice(i, 0, job);
    }
    this.sim.emit(
      this.ref,
      'Normal',
      'SawCompletedJob',
      `Saw completed job: ${job.owner.name}, status: ${job.state}`,
      'cronjob-controller',
    );
    this.trim('Complete', this.spec.successfulJobsHistoryLimit);
    this.trim('Failed', this.spec.failedJobsHistoryLimit);
  }

  /** cleanupFinishedJobs → removeOldestJobs (k/k pkg/controller/cronjob/cronjob_controllerv2.go): the oldest go. */
  private trim(state: 'Complete' | 'Failed', keep: number): void {
    const done = this.history[state];
    for (const j of done.splice(0, Math.max(0, done.length - keep))) {
      j.delete();
      this.controllers.remove(j);
      this.created.delete(j);
      this.sim.emit(this.ref, 'Normal', 'SuccessfulDelete', `Deleted job ${j.owner.name}`, 'cronjob-controller');
    }
  }

  reconcile(): void {}
}
