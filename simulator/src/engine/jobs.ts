// Job controller (docs/kubelet-behaviour.md, "Controllers"): parallelism and completions, the pod-failure back-off
// (10 s × 2^(failures−1), capped) counted from the last failed pod's finish, backoffLimit for
// restartPolicy Never (failed pods) and OnFailure (container restarts), activeDeadlineSeconds.
import type { Simulation } from './simulation';
import type { PodOwner, PodRuntime } from './runtime';
import { currentInstance } from './runtime';
import type { PodFactory } from './pods';
import { deletePod } from './termination';
import { isActive, ownedBy, spawn, type Controller, type Template } from './controllers';
import type { DefaultedJobSpec } from '../model';
import { ownedPodName } from '../cluster/names';
import type { Cause } from '../trace';
import { CreateRetry, refusedCreate } from './admission';

/** Successes that complete a Job whose completions is unset (not a default: the Job controller's rule). */
const WORK_QUEUE_SUCCESSES = 1;

export type JobState = 'Running' | 'Complete' | 'Failed';

export class JobController implements Controller {
  state: JobState = 'Running';
  finishedAt: number | undefined;
  private readonly startedAt: number;
  private readonly counted = new Set<PodRuntime>();
  private failures = 0;
  private lastFailure = 0;
  private succeeded = 0;
  private backOffTimer = false;
  private readonly retry = new CreateRetry();

  constructor(
    private readonly sim: Simulation,
    readonly owner: PodOwner,
    private readonly spec: DefaultedJobSpec,
    private readonly t: Template,
    private readonly factory: PodFactory,
    private readonly onFinish?: (job: JobController) => void,
  ) {
    this.startedAt = sim.now;
    const deadline = spec.activeDeadlineSeconds;
    if (deadline !== undefined && deadline !== null) sim.after(deadline * 1000, () => this.deadline());
  }

  private get ref(): string {
    return `Job/${this.owner.name}`;
  }

  reconcile(): void {
    if (this.state !== 'Running') return;
    const pods = ownedBy(this.sim, this.owner);
    for (const p of pods) {
      if (this.counted.has(p) || p.terminalPhase === null) continue;
      this.counted.add(p);
      if (p.terminalPhase === 'Succeeded') {
        this.succeeded++;
        this.failures = 0;
      } else {
        this.failures++;
        this.lastFailure = Math.max(this.lastFailure, lastFinish(p) ?? this.sim.now);
      }
    }
    // completions stays unset when only parallelism is set (a work queue): the first success completes the Job.
    const completions = this.spec.completions ?? WORK_QUEUE_SUCCESSES;
    const limit = this.spec.backoffLimit;
    if (this.succeeded >= completions) return this.finish('Complete');
    const failedPods = [...this.counted].filter((p) => p.terminalPhase === 'Failed').length;
    const active = pods.filter(isActive);
    const restarts = active.reduce(
      (sum, p) => sum + p.containers.reduce((s, c) => s + (currentInstance(c)?.restartCount ?? 0), 0),
      0,
    );
    if (
      failedPods > limit ||
      (this.t.template.spec?.restartPolicy === 'OnFailure' && restarts >= limit && limit >= 0 && restarts > 0)
    ) {
      return this.fail('BackoffLimitExceeded', 'Job has reached the specified backoff limit', {
        doc: this.t.doc,
        paths: [this.t.specPath.replace(/\.template\.spec$/, '.backoffLimit')],
        evidence: `${failedPods > limit ? `${failedPods} pods failed` : `containers restarted ${restarts} times`}; backoffLimit is ${limit}`,
      });
    }
    const parallelism = this.spec.parallelism;
    const want = Math.min(parallelism, completions - this.succeeded) - active.length;
    if (want <= 0) return;
    if (this.failures > 0) {
      const delay = Math.min(
        this.sim.timings.jobBackOffInitial * 2 ** (this.failures - 1),
        this.sim.timings.jobBackOffMax,
      );
      const notBefore = this.lastFailure + delay;
      if (this.sim.now < notBefore) {
        if (!this.backOffTimer) {
          this.backOffTimer = true;
          this.sim.at(notBefore, () => {
            this.backOffTimer = false;
            this.reconcile();
          });
        }
        return;
      }
    }
    const rng = this.sim.rng.fork(this.retry.rngKey(`${this.ref}#${pods.length}`));
    for (let i = 0; i < want && this.sim.canCreatePod(); i++) {
      const name = ownedPodName(this.owner.name, rng);
      const event = { object: this.ref, source: 'job-controller' };
      if (refusedCreate(this.sim, this.t, this.factory.namespaces, this.retry, name, event, () => this.reconcile()))
        return;
      this.sim.emit(this.ref, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, 'job-controller');
      spawn(this.sim, this.t, this.owner, name, this.factory);
    }
  }

  private finish(state: 'Complete'): void {
    this.state = state;
    this.finishedAt = this.sim.now;
    this.sim.emit(this.ref, 'Normal', 'Completed', 'Job completed', 'job-controller');
    this.onFinish?.(this);
  }

  private fail(reason: string, message: string, cause: Cause): void {
    this.state = 'Failed';
    this.finishedAt = this.sim.now;
    for (const p of ownedBy(this.sim, this.owner)) if (isActive(p)) deletePod(this.sim, p, undefined, false);
    this.sim.emit(this.ref, 'Warning', reason, message, 'job-controller', cause);
    this.onFinish?.(this);
  }

  private deadline(): void {
    if (this.state !== 'Running') return;
    this.fail('DeadlineExceeded', 'Job was active longer than specified deadline', {
      doc: this.t.doc,
      paths: [this.t.specPath.replace(/\.template\.spec$/, '.activeDeadlineSeconds')],
      evidence: `the Job ran for ${(this.sim.now - this.startedAt) / 1000}s`,
    });
  }

  /** Delete the Job and, by cascade, its pods (CronJob history limits, Replace policy). */
  delete(): void {
    for (const p of ownedBy(this.sim, this.owner)) deletePod(this.sim, p, undefined, false);
    if (this.state === 'Running') this.state = 'Failed';
    // No controller looks for this Job's pods again: a month of Jobs must not keep a list per Job.
    this.sim.podsByOwner.delete(`${this.owner.kind}/${this.owner.name}`);
  }
}

function lastFinish(p: PodRuntime): number | undefined {
  let t: number | undefined;
  for (const c of p.containers) {
    const f = currentInstance(c)?.finishedAt;
    if (f !== undefined && (t === undefined || f > t)) t = f;
  }
  return t;
}
