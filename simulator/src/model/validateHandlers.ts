// Probes and lifecycle hooks of a container (validateProbe, validateHandler and validateSleepAction in
// k8s.io/kubernetes pkg/apis/core/validation): the handler types they share, and their own timing rules.
import type { Probe, LifecycleHandler, HTTPGetAction, TCPSocketAction } from './probe';
import type { Issues, Path } from './issues';
import { fix } from './fixes';
import { httpHeaderNameErrors, portNameErrors, portNumberErrors } from './names';
import { PROBE_DEFAULTS } from './defaultValues';
import type { Incomplete } from './partialParse';

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'sleep', 'tcpSocket'] as const;
const POSITIVE_PROBE_FIELDS = ['timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

/** A port number or name; a missing port is a structural error. */
function portRef(port: string | number | undefined, path: Path, issues: Issues): void {
  if (port === undefined) return;
  if (typeof port === 'number') for (const m of portNumberErrors(port)) issues.invalid(path, port, m, 'port-number');
  else issues.names(path, port, portNameErrors, 'port-name');
}

function validateHttpGet(h: Incomplete<HTTPGetAction>, path: Path, issues: Issues): void {
  portRef(h.port, [...path, 'port'], issues);
  (h.httpHeaders ?? []).forEach((hd, i) => {
    if (hd.name !== undefined)
      issues.names([...path, 'httpHeaders', i, 'name'], hd.name, httpHeaderNameErrors, 'header-name');
  });
}

function validateTcp(t: Incomplete<TCPSocketAction>, path: Path, issues: Issues): void {
  portRef(t.port, [...path, 'port'], issues);
}

function handlerCount(
  h: Partial<Record<string, unknown>>,
  keys: readonly string[],
  path: Path,
  issues: Issues,
  code: string,
): void {
  const n = keys.filter((k) => h[k] !== undefined).length;
  if (n === 0) issues.required(path, 'must specify a handler type', code);
  else if (n > 1) issues.forbidden(path, 'may not specify more than 1 handler type', code);
}

export function validateProbe(
  name: 'livenessProbe' | 'readinessProbe' | 'startupProbe',
  p: Incomplete<Probe>,
  raw: Incomplete<Probe> | undefined,
  path: Path,
  issues: Issues,
): void {
  handlerCount(p, PROBE_HANDLERS, path, issues, 'probe-handler');
  if (p.exec && (p.exec.command ?? []).length === 0) issues.required([...path, 'exec', 'command'], '', 'exec-command');
  if (p.httpGet) validateHttpGet(p.httpGet, [...path, 'httpGet'], issues);
  if (p.tcpSocket) validateTcp(p.tcpSocket, [...path, 'tcpSocket'], issues);
  if (p.grpc?.port !== undefined)
    for (const m of portNumberErrors(p.grpc.port))
      issues.invalid([...path, 'grpc', 'port'], p.grpc.port, m, 'port-number');
  issues.nonNegative([...path, 'initialDelaySeconds'], p.initialDelaySeconds, 'probe-negative');
  for (const f of POSITIVE_PROBE_FIELDS) {
    issues.nonNegative([...path, f], p[f], 'probe-negative');
    if (raw?.[f] === 0) {
      issues.warning(
        [...path, f],
        `Invalid value: 0: must be greater than or equal to 1; the API server treats 0 as unset and uses ${PROBE_DEFAULTS[f]}`,
        'probe-zero-defaulted',
      );
    }
  }
  // validateLivenessProbe/validateStartupProbe check the defaulted probe (0 became 1): any other value, negative
  // ones included, is "must be 1".
  if (name !== 'readinessProbe' && p.successThreshold !== undefined && p.successThreshold !== 1) {
    const issue = issues.invalid(
      [...path, 'successThreshold'],
      p.successThreshold,
      'must be 1',
      'probe-success-threshold',
    );
    issue.fixes = [
      fix('Set successThreshold to 1', { kind: 'set', path: [...path, 'successThreshold'], value: 1 }, true),
    ];
  }
  if (p.terminationGracePeriodSeconds !== undefined) {
    if (name === 'readinessProbe') {
      issues.invalid(
        [...path, 'terminationGracePeriodSeconds'],
        p.terminationGracePeriodSeconds,
        'must not be set for readinessProbes',
        'probe-termination-grace',
      );
    } else if (p.terminationGracePeriodSeconds <= 0) {
      issues.invalid(
        [...path, 'terminationGracePeriodSeconds'],
        p.terminationGracePeriodSeconds,
        'must be greater than 0',
        'probe-termination-grace',
      );
    }
  }
}

export function validateLifecycleHandler(
  h: Incomplete<LifecycleHandler>,
  path: Path,
  terminationGracePeriodSeconds: number,
  issues: Issues,
): void {
  handlerCount(h, LIFECYCLE_HANDLERS, path, issues, 'lifecycle-handler');
  if (h.exec && (h.exec.command ?? []).length === 0) issues.required([...path, 'exec', 'command'], '', 'exec-command');
  if (h.httpGet) validateHttpGet(h.httpGet, [...path, 'httpGet'], issues);
  // 0 is allowed since KEP-4818 (PodLifecycleSleepActionAllowZero: beta 1.33, GA 1.34); validateSleepAction
  // then rejects only negative values and values above the grace period, with this message.
  const seconds = h.sleep?.seconds;
  if (seconds !== undefined && (seconds < 0 || seconds > terminationGracePeriodSeconds)) {
    issues.invalid(
      [...path, 'sleep', 'seconds'],
      seconds,
      `must be non-negative and less than terminationGracePeriodSeconds (${terminationGracePeriodSeconds})`,
      'lifecycle-sleep',
    );
  }
}
