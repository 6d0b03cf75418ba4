// Running one probe against the pod as it is at that moment (docs/kubelet-behaviour.md, "Probes"), with the
// kubelet's output texts and, on failure, the cause: the probe field and what the pod really offers.
import type { Simulation } from './simulation';
import type { ContainerRuntime, PodRuntime, ProbeOutcome, ProbeWorker } from './runtime';
import { execContext, listenerOn, listeningPorts } from './podView';
import { httpGet } from './httpGetProbe';
import { runExecMemo } from './execMemo';
import type { Cause, PortRefused } from '../trace';

export function runProbe(
  sim: Simulation,
  pod: PodRuntime,
  c: ContainerRuntime,
  w: ProbeWorker,
  now: number,
): ProbeOutcome {
  const p = w.probe;
  const ip = pod.ip ?? '10.244.0.1';
  const timeout = Math.max(1, p.timeoutSeconds);

  if (p.tcpSocket) {
    const port = resolvePort(c, p.tcpSocket.port);
    if (typeof port === 'string')
      return { result: 'error', message: port, cause: causeAt(pod, w, 'tcpSocket.port', port) };
    if (listenerOn(pod, port, now)) return { result: 'success' };
    return {
      result: 'failure',
      message: `dial tcp ${ip}:${port}: connect: connection refused`,
      cause: refusedCause(pod, c, w, 'tcpSocket.port', port, now),
    };
  }
  if (p.httpGet) {
    const port = resolvePort(c, p.httpGet.port);
    if (typeof port === 'string')
      return { result: 'error', message: port, cause: causeAt(pod, w, 'httpGet.port', port) };
    const path = p.httpGet.path;
    const r = httpGet(pod, p.httpGet.scheme.toLowerCase(), ip, port, path, now);
    if (r.kind === 'refused') {
      return {
        result: 'failure',
        message: `Get "${r.url}": dial tcp ${ip}:${r.port}: connect: connection refused`,
        cause: refusedCause(pod, c, w, 'httpGet.port', r.port, now),
      };
    }
    if (r.kind === 'tooManyRedirects') {
      return {
        result: 'failure',
        message: `Get "${r.url}": stopped after 10 redirects`,
        cause: causeAt(pod, w, 'httpGet.path', `${path} redirects more than 10 times`),
      };
    }
    if (r.status >= 200 && r.status < 300) return { result: 'success' };
    if (r.status >= 300 && r.status < 400) {
      // DoHTTPProbe returns probe.Warning for a 3xx the client did not follow; prober.go records a ProbeWarning
      // event and counts it as Success. (kubectl describe prints the message trimmed, as here.)
      return { result: 'success', warning: `Probe terminated redirects, Response body: ${r.body}`.trimEnd() };
    }
    const who = listenerOn(pod, r.port, now)?.container.name ?? c.name;
    const via = r.hops > 0 ? ` (redirected from ${path})` : '';
    return {
      result: 'failure',
      message: `HTTP probe failed with statuscode: ${r.status}`,
      cause: causeAt(
        pod,
        w,
        'httpGet.path',
        `\`${who}\` answers ${r.status} on ${r.path}${via}${r.why !== undefined ? `: ${r.why}` : ''}`,
      ),
    };
  }
  if (p.grpc) {
    const port = p.grpc.port;
    const l = listenerOn(pod, port, now);
    if (l === undefined) {
      return {
        result: 'failure',
        message: `timeout: failed to connect service "${ip}:${port}" within ${timeout}s: context deadline exceeded`,
        cause: refusedCause(pod, c, w, 'grpc.port', port, now),
      };
    }
    const grpc = l.container.process.grpc;
    if (grpc === undefined) {
      return {
        result: 'failure',
        message: 'rpc error: code = Unimplemented desc = unknown service grpc.health.v1.Health',
        cause: causeAt(
          pod,
          w,
          'grpc.port',
          `\`${l.container.name}\` listens on ${port} but serves no gRPC health service`,
        ),
      };
    }
    if (grpc.serving) return { result: 'success' };
    return {
      result: 'failure',
      message: 'service unhealthy (responded with "NOT_SERVING")',
      cause: causeAt(pod, w, 'grpc', `the gRPC health service on ${port} answers NOT_SERVING`),
    };
  }
  if (p.exec) {
    const argv = p.exec.command ?? [];
    w.execMemo = runExecMemo(argv, execContext(pod, c, now), w.execMemo);
    const r = w.execMemo.result;
    if (r.kind === 'error')
      return { result: 'error', message: r.message, cause: causeAt(pod, w, 'exec.command', r.message) };
    if (r.seconds > timeout) {
      return {
        result: 'failure',
        message: `command "${argv.join(' ')}" timed out`,
        cause: causeAt(
          pod,
          w,
          'exec.command',
          `the command takes ${r.seconds}s, longer than timeoutSeconds ${timeout}`,
        ),
      };
    }
    if (r.exitCode === 0) return { result: 'success' };
    const output = r.output.trim();
    return {
      result: 'failure',
      message: output,
      cause: causeAt(pod, w, 'exec.command', `\`${argv.join(' ')}\` exits ${r.exitCode}${output ? `: ${output}` : ''}`),
    };
  }
  sim.note('warning', `a ${w.slot} probe of ${c.name} has no handler; it is treated as failing`, pod.doc);
  return { result: 'failure', message: 'probe has no handler' };
}

function causeAt(pod: PodRuntime, w: ProbeWorker, field: string, evidence: string): Cause {
  return { doc: pod.doc, paths: [`${w.path}.${field}`], evidence };
}

/** A named port is looked up in the probed container's own ports (resolveContainerPort). */
function resolvePort(c: ContainerRuntime, port: number | string): number | string {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  const found = c.spec.ports?.find((p) => p.name === port);
  if (found === undefined) return `unable to find port "${port}" in container "${c.name}"`;
  return found.containerPort;
}

/** A refused connection: the evidence in words and the same finding as data (`Cause.refused`). */
function refusedCause(
  pod: PodRuntime,
  c: ContainerRuntime,
  w: ProbeWorker,
  field: string,
  port: number,
  now: number,
): Cause {
  const { evidence, refused } = refusedEvidence(pod, c, port, now);
  return { ...causeAt(pod, w, field, evidence), refused };
}

function refusedEvidence(
  pod: PodRuntime,
  c: ContainerRuntime,
  port: number,
  now: number,
): { evidence: string; refused: PortRefused } {
  const none = (evidence: string) => ({ evidence, refused: { port } });
  const open = listeningPorts(pod, now);
  if (open.length > 0) {
    const what = open.map((o) => `\`${o.container}\` listens on ${o.ports.join(', ')}`).join('; ');
    return none(`no container of the pod listens on ${port}; ${what}`);
  }
  const later = pod.containers
    .flatMap((x) =>
      x.process.listen
        .filter((l) => l.port === port)
        .map((l) => ({ name: x.name, after: l.afterSeconds, desc: x.process.description })),
    )
    .find(() => true);
  if (later)
    return {
      evidence: `\`${later.name}\` only listens on ${port} ${later.after}s after it starts (${later.desc})`,
      refused: { port, opensAfter: later.after },
    };
  const planned = pod.containers.flatMap((x) => x.process.listen.map((l) => `\`${x.name}\` listens on ${l.port}`));
  if (planned.length > 0) return none(`no container of the pod listens on ${port}; ${planned.join('; ')}`);
  return none(`no container of the pod listens on ${port} (${c.process.description})`);
}
