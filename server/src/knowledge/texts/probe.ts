// Probes and lifecycle hooks.
import { HTTP_GET_DEFAULTS, PROBE_DEFAULTS } from '../../../../simulator/src/index';
import { d, type DocTable } from '../doc';

const port = d(
  "Container port to connect to: a number (1–65535) or the `name` of one of the container's `ports`.",
  'port: 8080',
);
const host = d(
  'Host name or IP to connect to. Default: the pod IP. Rarely needed; for HTTP prefer a `Host` header.',
  'host: 127.0.0.1',
);

export const PROBE_TEXTS: DocTable = {
  Probe: {
    exec: d(
      'Runs a command inside the container; exit code 0 means success. Uses no network.',
      'exec: { command: [cat, /tmp/healthy] }',
    ),
    httpGet: d(
      'Sends an HTTP GET to the container; a status from 200 to 399 means success.',
      'httpGet: { path: /healthz, port: 8080 }',
    ),
    tcpSocket: d(
      'Opens a TCP connection to a port; success when the connection is accepted.',
      'tcpSocket: { port: 5432 }',
    ),
    grpc: d('Calls the standard gRPC health-check service; success when it answers SERVING.', 'grpc: { port: 9090 }'),
    initialDelaySeconds: d(
      `Time to wait after the container starts before the first probe. Default ${PROBE_DEFAULTS.initialDelaySeconds} (seconds). A startupProbe is usually the better way to cover slow starts.`,
      'initialDelaySeconds: 15',
    ),
    periodSeconds: d(
      `How often the kubelet runs the probe. Default ${PROBE_DEFAULTS.periodSeconds}, minimum 1 (seconds).`,
      'periodSeconds: 5',
    ),
    timeoutSeconds: d(
      `How long one probe may take before it counts as failed. Default ${PROBE_DEFAULTS.timeoutSeconds}, minimum 1 (seconds).`,
      'timeoutSeconds: 3',
    ),
    successThreshold: d(
      `Consecutive successes needed to count as passing after a failure. Default ${PROBE_DEFAULTS.successThreshold}; liveness and startup probes only accept 1.`,
      'successThreshold: 1',
    ),
    failureThreshold: d(
      `Consecutive failures before the probe counts as failed: liveness/startup then restart the container, readiness marks it not ready. Default ${PROBE_DEFAULTS.failureThreshold}.`,
      'failureThreshold: 5',
    ),
    terminationGracePeriodSeconds: d(
      "Grace period used when a failed liveness or startup probe kills the container; overrides the pod's `terminationGracePeriodSeconds` (not allowed on readiness probes). Unset: the pod's value (seconds).",
      'terminationGracePeriodSeconds: 10',
    ),
  },
  ExecAction: {
    command: d(
      'Command and arguments run in the container, without a shell (wrap it in `sh -c` for pipes or variables). Working directory is `/`.',
      'command: [sh, -c, "test -f /tmp/ready"]',
    ),
  },
  HTTPGetAction: {
    path: d(`URL path to request. Default \`${HTTP_GET_DEFAULTS.path}\`.`, 'path: /healthz'),
    port,
    host,
    scheme: d(
      `Protocol to use; HTTPS does not verify the certificate. Default ${HTTP_GET_DEFAULTS.scheme}.`,
      'scheme: HTTPS',
      {
        HTTP: 'Plain HTTP (the default).',
        HTTPS: 'HTTPS; the certificate is not verified.',
      },
    ),
    httpHeaders: d(
      'Extra request headers. The kubelet always sends `User-Agent: kube-probe/<version>` and `Accept: */*` unless you override them.',
      'httpHeaders: [{ name: Host, value: example.com }]',
    ),
  },
  HTTPHeader: {
    name: d('Header name (case-insensitive).', 'name: Authorization'),
    value: d('Header value.', 'value: Bearer token'),
  },
  TCPSocketAction: { port, host },
  GRPCAction: {
    port: d('Port number of the gRPC server (a number; names are not allowed here).', 'port: 9090'),
    service: d(
      'Service name sent in the health-check request. Default: empty, which asks about the server as a whole.',
      'service: liveness',
    ),
  },
  SleepAction: {
    seconds: d(
      'How long the hook sleeps (seconds); handy in preStop to let load balancers drain connections.',
      'seconds: 5',
    ),
  },
  LifecycleHandler: {
    exec: d(
      'Runs a command in the container; a non-zero exit code fails the hook.',
      'exec: { command: [sh, -c, "nginx -s quit"] }',
    ),
    httpGet: d(
      'Sends an HTTP GET to the container; a status outside 200–399 fails the hook.',
      'httpGet: { path: /shutdown, port: 8080 }',
    ),
    sleep: d(
      'Waits the given number of seconds, without needing a `sleep` binary in the image.',
      'sleep: { seconds: 10 }',
    ),
    tcpSocket: d(
      'Accepted for compatibility but not run as a hook; use exec, httpGet or sleep.',
      'tcpSocket: { port: 8080 }',
    ),
  },
  Lifecycle: {
    postStart: d(
      'Hook run right after the container is created, alongside its entrypoint. The container is not Running until it finishes; if it fails, the container is killed and restarted per restartPolicy.',
      'postStart: { exec: { command: [sh, -c, "echo started > /tmp/started"] } }',
    ),
    preStop: d(
      'Hook run before the container is stopped (deletion, liveness failure, rollout). It counts against the termination grace period; the stop signal is sent when it ends.',
      'preStop: { sleep: { seconds: 5 } }',
    ),
    stopSignal: d(
      "Signal sent to stop the container instead of the image's STOPSIGNAL (default SIGTERM). Needs the ContainerStopSignals feature gate and `spec.os.name`.",
      'stopSignal: SIGQUIT',
    ),
  },
};
