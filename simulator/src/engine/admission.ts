// The API server's Pod Security Admission in front of pod creation (docs/world-behaviour.md, "Pod Security
// Admission"): in a namespace that enforces a level, a pod that breaks it is never created. A bare Pod is
// rejected at apply; a controller's creation fails with `FailedCreate` and is retried with the workqueue's
// per-item exponential back-off (5 ms doubling, at most 1000 s: client-go DefaultControllerRateLimiter).
import {
  forbiddenPodMessage,
  namespacePolicy,
  podSecurityViolations,
  policyName,
  violationsText,
  type NamespacePolicy,
  type PssViolation,
} from '../admission/podSecurity';
import { formatPath } from '../model/path';
import type { Cause } from '../trace';
import type { Simulation } from './simulation';

/** A `kind: Namespace` of the manifest: its name and labels. */
export interface NamespaceObject {
  name: string;
  labels: Readonly<Record<string, string>>;
}

export type Namespaces = ReadonlyMap<string, NamespacePolicy>;

export function namespacesOf(list: readonly NamespaceObject[] | undefined): Namespaces {
  return new Map((list ?? []).map((n) => [n.name, namespacePolicy(n.labels)]));
}

/** What the enforced level forbids in a template: the policy's name and the violations (none: admitted). */
export interface Verdict {
  policy: string;
  violations: PssViolation[];
}

const verdicts = new WeakMap<object, Map<string, Verdict | undefined>>();

/** The verdict on pods made from `template` in `namespace` (worked out once per template and namespace). */
export function enforced(namespaces: Namespaces | undefined, namespace: string, template: object): Verdict | undefined {
  const enforce = namespaces?.get(namespace)?.enforce;
  if (enforce === undefined || enforce.level === 'privileged') return undefined;
  let byNamespace = verdicts.get(template);
  if (byNamespace === undefined) verdicts.set(template, (byNamespace = new Map<string, Verdict | undefined>()));
  if (byNamespace.has(namespace)) return byNamespace.get(namespace);
  const violations = podSecurityViolations(template, enforce.level);
  const verdict =
    violations.length > 0 ? { policy: policyName(enforce.level, enforce.version), violations } : undefined;
  byNamespace.set(namespace, verdict);
  return verdict;
}

/** `pods "web-7d4b9-x2kq9" is forbidden: violates PodSecurity "restricted:latest": …` */
export function rejection(verdict: Verdict, podName: string): string {
  return forbiddenPodMessage(podName, verdict.policy, violationsText(verdict.violations));
}

/** The template field that breaks the level first, as the cause of the FailedCreate event. */
function rejectionCause(verdict: Verdict, doc: number, templatePath: string): Cause {
  const first = verdict.violations[0]?.offenders[0]?.offender.path ?? [];
  return {
    doc,
    paths: [[templatePath, formatPath(first)].filter((s) => s !== '').join('.')],
    evidence: `the namespace enforces PodSecurity "${verdict.policy}"`,
  };
}

const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1_000_000;

/** A controller's rate-limited retries after failed creations; a successful creation resets it. */
export class CreateRetry {
  private failures = 0;
  private pending = false;

  /**
   * The key of the random stream for generated pod names: unchanged until a creation fails, then one per
   * retry (the API server generates a new name for each attempt; a rejected name is never taken).
   */
  rngKey(base: string): string {
    return this.failures === 0 ? base : `${base}#retry${this.failures}`;
  }

  /** Schedules `retry` after the next back-off delay (once, however often it is asked before then). */
  failed(sim: Simulation, retry: () => void): void {
    if (this.pending) return;
    const delay = Math.min(BACKOFF_BASE_MS * 2 ** Math.min(this.failures, 30), BACKOFF_MAX_MS);
    this.failures++;
    this.pending = true;
    sim.after(delay, () => {
      this.pending = false;
      retry();
    });
  }
}

/** Where a controller's FailedCreate goes and how it words the error (`Error creating: <err>` by default). */
export interface CreateEvent {
  object: string;
  source: string;
  say?: (err: string) => string;
}

/**
 * Whether the API server refuses the pods of a template (its namespace enforces a Pod Security level the
 * template breaks): then records the controller's FailedCreate and schedules `reconcile` after the back-off.
 */
export function refusedCreate(
  sim: Simulation,
  t: { doc: number; namespace: string; specPath: string; template: object },
  namespaces: Namespaces | undefined,
  retry: CreateRetry,
  podName: string,
  event: CreateEvent,
  reconcile: () => void,
): boolean {
  const verdict = enforced(namespaces, t.namespace, t.template);
  if (verdict === undefined) return false;
  const err = rejection(verdict, podName);
  const cause = rejectionCause(verdict, t.doc, t.specPath.replace(/\.?spec$/, ''));
  sim.emit(
    event.object,
    'Warning',
    'FailedCreate',
    event.say ? event.say(err) : `Error creating: ${err}`,
    event.source,
    cause,
  );
  retry.failed(sim, reconcile);
  return true;
}
