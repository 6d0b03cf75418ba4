// Parts of a container: ports, env, resources, mounts.
import { FIELD_REF_API_VERSION_DEFAULT, PORT_PROTOCOL_DEFAULT } from '../../../../simulator/src/index';
import { d, type DocTable } from '../doc';

const optionalRef = d(
  'When true, a missing ConfigMap/Secret or key is ignored instead of keeping the container from starting. Default false.',
  'optional: true',
);
const protocol = {
  TCP: 'TCP (the default).',
  UDP: 'UDP.',
  SCTP: 'SCTP (needs support from the network plugin).',
};

export const CONTAINER_PART_TEXTS: DocTable = {
  ContainerPort: {
    containerPort: d('Port number the process listens on, 1–65535. Required.', 'containerPort: 8080'),
    name: d(
      'Name of the port (a lowercase IANA_SVC_NAME, at most 15 characters, unique in the pod); probes and Service targetPorts can refer to it.',
      'name: http',
    ),
    protocol: d(`Protocol of the port. Default ${PORT_PROTOCOL_DEFAULT}.`, 'protocol: UDP', protocol),
    hostPort: d(
      "Also exposes the port on the node's IP. Limits scheduling (one pod per node per hostPort); avoid unless needed. With hostNetwork it equals containerPort.",
      'hostPort: 8080',
    ),
    hostIP: d('Node IP the hostPort binds to. Default: all addresses.', 'hostIP: 0.0.0.0'),
  },
  EnvVar: {
    name: d('Name of the environment variable. Required.', 'name: DATABASE_URL'),
    value: d(
      'Literal value. `$(OTHER)` expands a variable defined earlier in the list; `$$` escapes. Default: empty.',
      'value: "postgres://db:5432/app"',
    ),
    valueFrom: d(
      'Takes the value from a ConfigMap or Secret key, a pod field, or a container resource instead of `value`.',
      'valueFrom: { secretKeyRef: { name: db, key: password } }',
    ),
  },
  EnvVarSource: {
    configMapKeyRef: d(
      "One key of a ConfigMap in the pod's namespace.",
      'configMapKeyRef: { name: app-config, key: LOG_LEVEL }',
    ),
    secretKeyRef: d("One key of a Secret in the pod's namespace.", 'secretKeyRef: { name: db, key: password }'),
    fieldRef: d(
      'A field of the pod itself (downward API): name, namespace, labels, node name, pod IP and more.',
      'fieldRef: { fieldPath: metadata.name }',
    ),
    resourceFieldRef: d(
      'A request or limit of a container (downward API), e.g. the memory limit.',
      'resourceFieldRef: { resource: limits.memory, divisor: 1Mi }',
    ),
  },
  ConfigMapKeySelector: {
    name: d('Name of the ConfigMap.', 'name: app-config'),
    key: d('Key inside the ConfigMap. Required.', 'key: LOG_LEVEL'),
    optional: optionalRef,
  },
  SecretKeySelector: {
    name: d('Name of the Secret.', 'name: db'),
    key: d('Key inside the Secret. Required.', 'key: password'),
    optional: optionalRef,
  },
  ObjectFieldSelector: {
    fieldPath: d(
      "Pod field to read: `metadata.name`, `metadata.namespace`, `metadata.uid`, `metadata.labels['key']`, `spec.nodeName`, `spec.serviceAccountName`, `status.podIP`, `status.hostIP` … Required.",
      'fieldPath: status.podIP',
    ),
    apiVersion: d(
      `API version in which fieldPath is expressed. Default ${FIELD_REF_API_VERSION_DEFAULT}.`,
      'apiVersion: v1',
    ),
  },
  ResourceFieldSelector: {
    resource: d(
      'Resource to read: `limits.cpu`, `limits.memory`, `requests.cpu`, `requests.memory`, `limits.ephemeral-storage` … Required.',
      'resource: limits.memory',
    ),
    containerName: d(
      'Container whose resources are read. Default: this container (required in volumes).',
      'containerName: app',
    ),
    divisor: d(
      'Unit of the result: the value is divided by it and rounded up. Default 1 (cores for CPU, bytes for memory).',
      'divisor: 1Mi',
    ),
  },
  EnvFromSource: {
    configMapRef: d('Imports every key of this ConfigMap.', 'configMapRef: { name: app-config }'),
    secretRef: d('Imports every key of this Secret.', 'secretRef: { name: app-secrets }'),
    prefix: d('Text put in front of every imported name. Default: none.', 'prefix: APP_'),
  },
  ConfigMapEnvSource: {
    name: d('Name of the ConfigMap.', 'name: app-config'),
    optional: d('When true, a missing ConfigMap is ignored. Default false.', 'optional: true'),
  },
  SecretEnvSource: {
    name: d('Name of the Secret.', 'name: app-secrets'),
    optional: d('When true, a missing Secret is ignored. Default false.', 'optional: true'),
  },
  ResourceRequirements: {
    requests: d(
      'Resources reserved for the container: the scheduler only places the pod where they fit. CPU in cores (`500m` = half a core), memory in bytes (`128Mi`). Default: the limits, if set.',
      'requests: { cpu: 250m, memory: 128Mi }',
    ),
    limits: d(
      'Hard caps: CPU above the limit is throttled, memory above it gets the container OOMKilled (exit 137). Default: none.',
      'limits: { cpu: "1", memory: 256Mi }',
    ),
    claims: d(
      "Dynamic resource claims (from the pod's resourceClaims) this container uses.",
      'claims: [{ name: gpu }]',
    ),
  },
  ResourceClaim: {
    name: d("Name of an entry in the pod's `resourceClaims`. Required.", 'name: gpu'),
    request: d('One request inside the claim. Default: the whole claim.', 'request: gpu-1'),
  },
  VolumeMount: {
    name: d('Name of the pod volume to mount (from `spec.volumes`). Required.', 'name: data'),
    mountPath: d(
      'Path inside the container where the volume appears. Must not contain `:`. Required.',
      'mountPath: /var/lib/data',
    ),
    readOnly: d('Mounts the volume read-only. Default false.', 'readOnly: true'),
    subPath: d(
      'Mounts only this file or directory of the volume instead of its root. Default: the root. Such mounts do not receive ConfigMap/Secret updates.',
      'subPath: nginx.conf',
    ),
    subPathExpr: d(
      'Like subPath, but `$(VAR)` expands environment variables of the container (e.g. the pod name).',
      'subPathExpr: $(POD_NAME)',
    ),
    mountPropagation: d(
      'Whether mounts made later on the host or in the container propagate. Default None.',
      'mountPropagation: HostToContainer',
      {
        None: 'No propagation (the default).',
        HostToContainer: 'Mounts made on the host later appear in the container.',
        Bidirectional: 'Mounts propagate both ways; needs a privileged container.',
      },
    ),
    recursiveReadOnly: d(
      'Makes a read-only mount read-only in its sub-mounts too. Needs `readOnly: true`. Default Disabled.',
      'recursiveReadOnly: IfPossible',
      {
        Disabled: 'Only the top mount is read-only (the default).',
        IfPossible: 'Recursive when the runtime supports it.',
        Enabled: 'Recursive, or the container fails to start.',
      },
    ),
  },
  VolumeDevice: {
    name: d('Name of a block-mode PVC volume of the pod. Required.', 'name: disk'),
    devicePath: d('Device path inside the container. Required.', 'devicePath: /dev/xvda'),
  },
  ContainerResizePolicy: {
    resourceName: d('Resource the policy is for: `cpu` or `memory`. Required.', 'resourceName: cpu'),
    restartPolicy: d('What an in-place resize of that resource does. Required.', 'restartPolicy: NotRequired', {
      NotRequired: 'Resize without restarting the container.',
      RestartContainer: 'Restart the container to apply the new value.',
    }),
  },
};
