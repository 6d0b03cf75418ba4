// Block snippets (LSP snippet syntax: ${1:default} tab stops, ${1|a,b|} choices). Bodies are lists of
// lines with relative indentation; `render` indents them for the column they are inserted at.
import type { ProbeDefaults } from './probeDefaults';

export interface BlockSnippet {
  label: string;
  detail: string;
  /** Lines of the body, indented relative to its first line. */
  body: readonly string[];
}

export const CONTAINER_BODY = [
  'name: ${1:app}',
  'image: ${2:nginx:1.27}',
  'ports:',
  '  - containerPort: ${3:80}',
  'resources:',
  '  requests:',
  '    cpu: ${4:100m}',
  '    memory: ${5:128Mi}',
  '  limits:',
  '    memory: ${6:256Mi}',
];

/**
 * An init container that waits until a name resolves: a Service of the file when there is one (the usual
 * "wait for the database" init), else the API server's own Service, which cluster DNS always serves — waiting
 * for DNS itself. A name the file does not define would keep the pod in Init:0/1 (predicted-init-stuck). Full
 * names, because busybox's nslookup (1.29 and later) ignores the search domains (docs/image-behaviour.md).
 */
export function initContainerBody(service: { name: string; namespace: string } | undefined): string[] {
  // The Service's own namespace, which may differ from the pod's.
  const host = `${service?.name ?? 'kubernetes'}.${service?.namespace ?? 'default'}.svc.cluster.local`;
  return [
    `name: \${1:wait-for-${service?.name ?? 'dns'}}`,
    'image: ${2:busybox:1.36}',
    `command: [sh, -c, "\${3:until nslookup ${host}; do sleep 2; done}"]`,
  ];
}

export const SIDECAR_BODY = [
  'name: ${1:log-shipper}',
  'image: ${2:busybox:1.36}',
  'restartPolicy: Always',
  'command: [sh, -c, "${3:tail -F /var/log/app.log}"]',
];

export const RESOURCES_BODY = [
  'resources:',
  '  requests:',
  '    cpu: ${1:100m}',
  '    memory: ${2:128Mi}',
  '  limits:',
  '    memory: ${3:256Mi}',
];

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';
export type Handler = 'httpGet' | 'tcpSocket' | 'exec' | 'grpc';
export const PROBE_KINDS: readonly ProbeKind[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];
export const HANDLERS: readonly Handler[] = ['httpGet', 'tcpSocket', 'exec', 'grpc'];

const TIMING: Record<ProbeKind, string[]> = {
  livenessProbe: ['periodSeconds: ${9:10}', 'failureThreshold: ${8:3}'],
  readinessProbe: ['periodSeconds: ${9:5}', 'failureThreshold: ${8:3}'],
  startupProbe: ['periodSeconds: ${9:5}', 'failureThreshold: ${8:30}'],
};

/** A probe with one handler, its defaults from what the container's image does (knowledge/probeDefaults.ts). */
export function probeBody(kind: ProbeKind, handler: Handler, d: ProbeDefaults): string[] {
  const portStop = `\${2:${d.port ?? 8080}}`;
  const exec = d.exec.map((word, i) => (i === 0 ? `\${1:${word}}` : i === 1 ? `\${2:${word}}` : word));
  const action: Record<Handler, string[]> = {
    httpGet: [
      '  httpGet:',
      `    path: \${1:${kind === 'readinessProbe' ? d.readinessPath : d.livenessPath}}`,
      `    port: ${portStop}`,
    ],
    tcpSocket: ['  tcpSocket:', `    port: ${portStop}`],
    exec: ['  exec:', `    command: [${exec.join(', ')}]`],
    grpc: ['  grpc:', `    port: \${2:${d.grpcPort ?? 9090}}`],
  };
  return [`${kind}:`, ...action[handler], ...TIMING[kind].map((l) => `  ${l}`)];
}

export const VOLUME_MOUNT_BODY = ['volumeMounts:', '  - name: ${1:data}', '    mountPath: ${2:/data}'];

export const VOLUME_ITEMS: readonly BlockSnippet[] = [
  {
    label: 'volume: emptyDir',
    detail: 'scratch space shared by the containers',
    body: ['name: ${1:cache}', 'emptyDir: {}'],
  },
  {
    label: 'volume: configMap',
    detail: 'files from a ConfigMap',
    body: ['name: ${1:config}', 'configMap:', '  name: ${2:app-config}'],
  },
  {
    label: 'volume: secret',
    detail: 'files from a Secret',
    body: ['name: ${1:secrets}', 'secret:', '  secretName: ${2:app-secrets}'],
  },
  {
    label: 'volume: persistentVolumeClaim',
    detail: 'storage of a PVC',
    body: ['name: ${1:data}', 'persistentVolumeClaim:', '  claimName: ${2:data}'],
  },
  {
    label: 'volume: hostPath',
    detail: 'a directory of the node (Pod Security baseline forbids it)',
    body: [
      'name: ${1:host}',
      'hostPath:',
      '  path: ${2:/var/log}',
      '  type: ${3|Directory,DirectoryOrCreate,File,FileOrCreate|}',
    ],
  },
  {
    label: 'volume: projected',
    detail: 'several sources in one directory',
    body: [
      'name: ${1:bundle}',
      'projected:',
      '  sources:',
      '    - secret:',
      '        name: ${2:tls}',
      '    - configMap:',
      '        name: ${3:ca}',
    ],
  },
];

export const ENV_ITEMS: readonly BlockSnippet[] = [
  { label: 'env: value', detail: 'a literal value', body: ['name: ${1:NAME}', 'value: "${2:value}"'] },
  {
    label: 'env: secretKeyRef',
    detail: 'one key of a Secret',
    body: ['name: ${1:PASSWORD}', 'valueFrom:', '  secretKeyRef:', '    name: ${2:db}', '    key: ${3:password}'],
  },
  {
    label: 'env: configMapKeyRef',
    detail: 'one key of a ConfigMap',
    body: [
      'name: ${1:LOG_LEVEL}',
      'valueFrom:',
      '  configMapKeyRef:',
      '    name: ${2:app-config}',
      '    key: ${3:LOG_LEVEL}',
    ],
  },
  {
    label: 'env: fieldRef',
    detail: 'a field of the pod (downward API)',
    body: [
      'name: ${1:POD_NAME}',
      'valueFrom:',
      '  fieldRef:',
      '    fieldPath: ${2|metadata.name,metadata.namespace,status.podIP,spec.nodeName|}',
    ],
  },
];

export const PORT_ITEM: BlockSnippet = {
  label: 'port',
  detail: 'a named container port',
  body: ['name: ${1:http}', 'containerPort: ${2:8080}', 'protocol: ${3|TCP,UDP,SCTP|}'],
};
export const TOLERATION_ITEM: BlockSnippet = {
  label: 'toleration',
  detail: 'tolerate a taint',
  body: [
    'key: ${1:dedicated}',
    'operator: ${2|Equal,Exists|}',
    'value: ${3:value}',
    'effect: ${4|NoSchedule,PreferNoSchedule,NoExecute|}',
  ],
};
export const SERVICE_PORT_ITEM: BlockSnippet = {
  label: 'service port',
  detail: 'port → targetPort',
  body: ['name: ${1:http}', 'port: ${2:80}', 'targetPort: ${3:http}'],
};

/**
 * Indents a body for insertion at column `col`. As a list item the first line gets `- ` and the rest
 * two more spaces.
 */
export function render(body: readonly string[], col: number, item = false): string {
  const pad = ' '.repeat(col + (item ? 2 : 0));
  return body.map((l, i) => (i === 0 ? (item ? `- ${l}` : l) : `${pad}${l}`)).join('\n');
}
