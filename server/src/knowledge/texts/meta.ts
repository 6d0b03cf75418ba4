// ObjectMeta, label selectors and the top-level fields of every kind.
import { d, type DocTable, type FieldDoc } from '../doc';

// the "set by the API server" badge comes from the model's metadata
const sysOnly = (what: string, example: string): FieldDoc => d(what, example);

const selectorOperators = {
  In: 'The label value is one of `values`.',
  NotIn: 'The label is missing or its value is not in `values`.',
  Exists: 'The label exists (leave `values` out).',
  DoesNotExist: 'The label does not exist (leave `values` out).',
};

const SPECS: Record<string, [string, string]> = {
  Pod: [
    'What the pod runs: containers, volumes, restart policy, scheduling.',
    'spec: { containers: [{ name: web, image: nginx:1.27 }] }',
  ],
  Deployment: [
    'Desired state: replicas, the pod template and how updates roll out.',
    'spec: { replicas: 3, selector: { matchLabels: { app: web } }, template: { … } }',
  ],
  ReplicaSet: [
    'Desired number of pods and their template (normally managed by a Deployment).',
    'spec: { replicas: 3, selector: { matchLabels: { app: web } } }',
  ],
  StatefulSet: [
    'Desired state: replicas with stable names and storage, the pod template, ordering and updates.',
    'spec: { serviceName: db, replicas: 3, selector: { matchLabels: { app: db } }, template: { … } }',
  ],
  DaemonSet: [
    'The pod template run on every (matching) node, and how updates roll out.',
    'spec: { selector: { matchLabels: { app: agent } }, template: { … } }',
  ],
  Job: [
    'The pod template and how many successful completions, how much parallelism and how many retries.',
    'spec: { backoffLimit: 4, template: { … } }',
  ],
  CronJob: [
    'The schedule and the Job template run at each scheduled time.',
    'spec: { schedule: "*/5 * * * *", jobTemplate: { … } }',
  ],
  Service: [
    'Which pods receive the traffic (selector), on which ports, and how the Service is exposed (type).',
    'spec: { selector: { app: web }, ports: [{ port: 80, targetPort: 8080 }] }',
  ],
  PersistentVolumeClaim: [
    'The storage requested: size, access modes and storage class.',
    'spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }',
  ],
};

function root(kind: string, apiVersion: string): Record<string, FieldDoc> {
  const [spec, example] = SPECS[kind] ?? ['Desired state of the object.', 'spec: {}'];
  return {
    apiVersion: d(
      `API group and version of the object's schema; ${kind} is served as \`${apiVersion}\`.`,
      `apiVersion: ${apiVersion}`,
    ),
    kind: d(`Type of the object: \`${kind}\`.`, `kind: ${kind}`),
    metadata: d(
      'Name, namespace, labels and annotations of the object.',
      'metadata: { name: web, labels: { app: web } }',
    ),
    spec: d(spec, example.replace('{ … }', '{}')),
    status: sysOnly('Observed state, reported by the controllers and the kubelet.', 'status: {}'),
  };
}

export const META_TEXTS: DocTable = {
  Pod: root('Pod', 'v1'),
  Deployment: root('Deployment', 'apps/v1'),
  ReplicaSet: root('ReplicaSet', 'apps/v1'),
  StatefulSet: root('StatefulSet', 'apps/v1'),
  DaemonSet: root('DaemonSet', 'apps/v1'),
  Job: root('Job', 'batch/v1'),
  CronJob: root('CronJob', 'batch/v1'),
  Service: root('Service', 'v1'),
  PersistentVolumeClaim: root('PersistentVolumeClaim', 'v1'),
  ObjectMeta: {
    name: d(
      'Name of the object, unique per kind and namespace; most kinds need a DNS subdomain (lower case, digits, `-` and `.`, at most 253 characters). Required unless generateName is set.',
      'name: web',
    ),
    generateName: d(
      'Prefix for a name the API server generates (a random suffix is added) when `name` is left out; works with `kubectl create`, not `apply`.',
      'generateName: job-run-',
    ),
    namespace: d(
      'Namespace of the object. Default: the namespace of the kubectl context, usually `default`.',
      'namespace: shop',
    ),
    labels: d(
      'Key/value pairs used by selectors (Services, Deployments, kubectl -l). Keys may have a DNS prefix (`app.kubernetes.io/name`); values at most 63 characters.',
      'labels: { app: web, tier: frontend }',
    ),
    annotations: d(
      'Free-form key/value metadata for tools, not used for selection (e.g. `kubectl.kubernetes.io/default-container`).',
      'annotations: { kubectl.kubernetes.io/default-container: app }',
    ),
    finalizers: d(
      'Keys that block deletion until the controllers owning them remove them.',
      'finalizers: [example.com/cleanup]',
    ),
    ownerReferences: d(
      'Objects that own this one (e.g. the ReplicaSet of a pod); set by controllers, used for garbage collection.',
      'ownerReferences: [{ apiVersion: apps/v1, kind: ReplicaSet, name: web-5d9c, uid: … }]',
    ),
    uid: sysOnly('Unique ID of the object.', 'uid: 4f8c2d8e-…'),
    resourceVersion: sysOnly(
      'Version of the stored object, for optimistic concurrency and watches.',
      'resourceVersion: "12345"',
    ),
    generation: sysOnly('Counter of changes to the desired state (spec).', 'generation: 2'),
    creationTimestamp: sysOnly('When the object was created (RFC 3339).', 'creationTimestamp: "2024-01-01T00:00:00Z"'),
    deletionTimestamp: sysOnly(
      'When deletion was requested; the object is terminating.',
      'deletionTimestamp: "2024-01-01T00:00:00Z"',
    ),
    deletionGracePeriodSeconds: sysOnly(
      'Grace period of a pending deletion (seconds).',
      'deletionGracePeriodSeconds: 30',
    ),
    managedFields: sysOnly(
      'Which client (field manager) owns which fields, for server-side apply.',
      'managedFields: []',
    ),
    selfLink: d('No longer filled in by the system; deprecated. Leave it out.', 'selfLink: ""'),
  },
  OwnerReference: {
    apiVersion: d('API version of the owner. Required.', 'apiVersion: apps/v1'),
    kind: d('Kind of the owner. Required.', 'kind: ReplicaSet'),
    name: d('Name of the owner. Required.', 'name: web-5d9c8'),
    uid: d('UID of the owner. Required.', 'uid: 4f8c2d8e-0000-0000-0000-000000000000'),
    controller: d('Marks the managing controller (at most one owner). Default false.', 'controller: true'),
    blockOwnerDeletion: d(
      'With foreground deletion, the owner is not removed before this object. Default false.',
      'blockOwnerDeletion: true',
    ),
  },
  LabelSelector: {
    matchLabels: d('Labels that must all be present with these values.', 'matchLabels: { app: web }'),
    matchExpressions: d(
      'Set-based requirements (In, NotIn, Exists, DoesNotExist), all of which must hold.',
      'matchExpressions: [{ key: tier, operator: In, values: [frontend, backend] }]',
    ),
  },
  LabelSelectorRequirement: {
    key: d('Label key. Required.', 'key: tier'),
    operator: d('How the label is compared with values. Required.', 'operator: In', selectorOperators),
    values: d(
      'Values for In and NotIn (at least one); must be empty for Exists and DoesNotExist.',
      'values: [frontend, backend]',
    ),
  },
};
