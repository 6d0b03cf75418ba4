// Container (shared by containers, initContainers and, with one more field, ephemeralContainers).
import { CONTAINER_DEFAULTS, IMAGE_PULL_POLICY_DEFAULTS } from '../../../../simulator/src/index';
import { d, type DocTable, type FieldDoc } from '../doc';

const probe = (what: string, example: string): FieldDoc => d(what, example);

const CONTAINER: Record<string, FieldDoc> = {
  name: d(
    'Name of the container, unique in the pod (a DNS label: lower case, digits and `-`, at most 63 characters). Required.',
    'name: web',
  ),
  image: d(
    'Container image to run: `registry/repository:tag` or `…@sha256:digest`. Without a tag, `:latest` is used.',
    'image: nginx:1.27',
  ),
  imagePullPolicy: d(
    `When the kubelet pulls the image. Default: \`${IMAGE_PULL_POLICY_DEFAULTS.latest}\` for \`:latest\` or untagged images, else \`${IMAGE_PULL_POLICY_DEFAULTS.other}\` (decided once, when the object is created).`,
    'imagePullPolicy: IfNotPresent',
    {
      Always: 'Pull (check the registry for a newer digest) every time the container starts.',
      IfNotPresent: 'Pull only when the image is not already on the node.',
      Never: 'Never pull; the image must already be on the node, else the container fails with ErrImageNeverPull.',
    },
  ),
  command: d(
    'Replaces the image\'s ENTRYPOINT. Not run in a shell: use `[sh, -c, "…"]` for shell syntax. `$(VAR)` expands env variables. Default: the image\'s ENTRYPOINT.',
    'command: [sh, -c, "echo hello && sleep 3600"]',
  ),
  args: d(
    "Replaces the image's CMD (the arguments passed to the entrypoint). `$(VAR)` expands env variables. Default: the image's CMD.",
    'args: ["--port", "8080"]',
  ),
  workingDir: d("Working directory of the process. Default: the image's WORKDIR.", 'workingDir: /app'),
  ports: d(
    'Ports the container listens on. Informational (traffic reaches any port), but names given here can be used by probes and Services, and hostPort needs it.',
    'ports: [{ containerPort: 8080, name: http }]',
  ),
  env: d(
    'Environment variables, set from a literal `value` or from `valueFrom` (ConfigMap, Secret, pod field, resource).',
    'env: [{ name: LOG_LEVEL, value: debug }]',
  ),
  envFrom: d(
    'Imports every key of a ConfigMap or Secret as environment variables (`env` wins on conflicts).',
    'envFrom: [{ configMapRef: { name: app-config } }]',
  ),
  resources: d(
    'CPU and memory requests (used for scheduling) and limits (enforced: CPU is throttled, memory overuse is OOMKilled).',
    'resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 256Mi } }',
  ),
  resizePolicy: d(
    'What happens when requests or limits are changed in place: restart the container or not, per resource.',
    'resizePolicy: [{ resourceName: memory, restartPolicy: RestartContainer }]',
  ),
  restartPolicy: d(
    "Only for init containers: `Always` turns the init container into a sidecar that starts before the app containers and keeps running beside them. Unset: the pod's restartPolicy applies.",
    'restartPolicy: Always',
    {
      Always: 'A sidecar: started in order before the app containers, restarted whenever it exits, stopped after them.',
    },
  ),
  volumeMounts: d(
    "Volumes of the pod mounted into this container's filesystem (`name` must match a pod volume).",
    'volumeMounts: [{ name: data, mountPath: /data }]',
  ),
  volumeDevices: d(
    'Raw block devices (PVCs with `volumeMode: Block`) exposed inside the container.',
    'volumeDevices: [{ name: disk, devicePath: /dev/xvda }]',
  ),
  livenessProbe: probe(
    'Checks that the container still works; after failureThreshold failures in a row the kubelet kills and restarts it. Waits for the startupProbe, if any.',
    'livenessProbe: { httpGet: { path: /healthz, port: 8080 }, periodSeconds: 10 }',
  ),
  readinessProbe: probe(
    'Checks that the container can serve; while it fails the pod is not Ready and is taken out of Service endpoints. Never restarts the container.',
    'readinessProbe: { httpGet: { path: /ready, port: 8080 } }',
  ),
  startupProbe: probe(
    'Checks that the app has started; liveness and readiness probes wait until it succeeds. Failing it failureThreshold times restarts the container, so periodSeconds × failureThreshold is the start-up budget.',
    'startupProbe: { tcpSocket: { port: 8080 }, failureThreshold: 30, periodSeconds: 2 }',
  ),
  lifecycle: d(
    'Hooks run after the container starts (postStart) and before it is stopped (preStop).',
    'lifecycle: { preStop: { sleep: { seconds: 5 } } }',
  ),
  securityContext: d(
    'Security settings for this container (user, capabilities, privilege); they override the pod-level securityContext.',
    'securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false }',
  ),
  terminationMessagePath: d(
    `File whose content becomes the termination message shown in the container status. Default \`${CONTAINER_DEFAULTS.terminationMessagePath}\`.`,
    'terminationMessagePath: /tmp/exit-reason',
  ),
  terminationMessagePolicy: d(
    `Where the termination message comes from. Default ${CONTAINER_DEFAULTS.terminationMessagePolicy}.`,
    'terminationMessagePolicy: FallbackToLogsOnError',
    {
      File: 'Only the terminationMessagePath file (the default).',
      FallbackToLogsOnError:
        'The file, or the last lines of the log (up to 2048 bytes / 80 lines) when the file is empty and the container failed.',
    },
  ),
  stdin: d('Keeps a stdin stream open for the container (for `kubectl attach -i`). Default false.', 'stdin: true'),
  stdinOnce: d(
    'Closes stdin after the first attached client disconnects (needs `stdin: true`). Default false.',
    'stdinOnce: true',
  ),
  tty: d('Allocates a terminal for the container (needs `stdin: true` to be useful). Default false.', 'tty: true'),
};

export const CONTAINER_TEXTS: DocTable = {
  Container: CONTAINER,
  EphemeralContainer: {
    ...CONTAINER,
    targetContainerName: d(
      'Container whose process namespace the debug container joins (e.g. to see its processes). Default: none.',
      'targetContainerName: app',
    ),
  },
};
