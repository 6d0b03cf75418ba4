// Whole-document skeletons offered at the top of an empty document (LSP snippet syntax).

export interface Skeleton {
  kind: string;
  apiVersion: string;
  body: string;
}

const container = (indent: string, restartPolicy?: string): string[] =>
  [
    ...(restartPolicy ? [`restartPolicy: ${restartPolicy}`] : []),
    'containers:',
    '  - name: ${3:app}',
    `    image: \${4:${restartPolicy ? 'busybox:1.36' : 'nginx:1.27'}}`,
    ...(restartPolicy
      ? ['    command: [${5:sh}, -c, "${6:echo done}"]']
      : ['    ports:', '      - containerPort: ${5:80}', '        name: http']),
    '    resources:',
    '      requests:',
    '        cpu: ${7:100m}',
    '        memory: ${8:128Mi}',
    '      limits:',
    '        memory: ${9:256Mi}',
  ].map((l) => indent + l);

const meta = ['metadata:', '  name: ${1:web}', '  labels:', '    app: ${1:web}'];
// Replicas of a Deployment or StatefulSet are spread over nodes where possible: what the replicas-not-spread
// rule asks for, so that a skeleton accepted as offered follows PodLab's own advice.
const spread = [
  '    topologySpreadConstraints:',
  '      - maxSkew: 1',
  '        topologyKey: kubernetes.io/hostname',
  '        whenUnsatisfiable: ScheduleAnyway',
  '        labelSelector:',
  '          matchLabels:',
  '            app: ${1:web}',
];
const template = (indent: string, restartPolicy?: string, spreadReplicas = false): string[] =>
  [
    'template:',
    '  metadata:',
    '    labels:',
    '      app: ${1:web}',
    '  spec:',
    ...(spreadReplicas ? spread : []),
    ...container('    ', restartPolicy),
  ].map((l) => indent + l);
const selector = ['  selector:', '    matchLabels:', '      app: ${1:web}'];

const doc = (apiVersion: string, kind: string, lines: string[]): Skeleton => ({
  kind,
  apiVersion,
  body: [`apiVersion: ${apiVersion}`, `kind: ${kind}`, ...lines, '$0'].join('\n'),
});

export const SKELETONS: readonly Skeleton[] = [
  doc('v1', 'Pod', [...meta, 'spec:', ...container('  ')]),
  doc('apps/v1', 'Deployment', [
    ...meta,
    'spec:',
    '  replicas: ${2:2}',
    ...selector,
    ...template('  ', undefined, true),
  ]),
  doc('apps/v1', 'StatefulSet', [
    ...meta,
    'spec:',
    '  serviceName: ${1:web}',
    '  replicas: ${2:3}',
    ...selector,
    ...template('  ', undefined, true),
    '  volumeClaimTemplates:',
    '    - metadata:',
    '        name: ${10:data}',
    '      spec:',
    '        accessModes: [ReadWriteOnce]',
    '        resources:',
    '          requests:',
    '            storage: ${11:1Gi}',
  ]),
  doc('apps/v1', 'DaemonSet', [...meta, 'spec:', ...selector, ...template('  ')]),
  doc('batch/v1', 'Job', [
    ...meta,
    'spec:',
    '  backoffLimit: ${2:4}',
    // A finished Job is removed after a day (job-ttl-missing).
    '  ttlSecondsAfterFinished: ${10:86400}',
    ...template('  ', 'Never'),
  ]),
  doc('batch/v1', 'CronJob', [
    ...meta,
    'spec:',
    '  schedule: "${2:*/5 * * * *}"',
    '  concurrencyPolicy: ${10|Forbid,Allow,Replace|}',
    // A run that cannot start within a minute of its time is skipped (cronjob-starting-deadline).
    '  startingDeadlineSeconds: ${12:60}',
    '  jobTemplate:',
    '    spec:',
    '      backoffLimit: ${11:2}',
    ...template('      ', 'OnFailure'),
  ]),
  doc('v1', 'Service', [
    ...meta,
    'spec:',
    '  type: ${2|ClusterIP,NodePort,LoadBalancer|}',
    '  selector:',
    '    app: ${1:web}',
    '  ports:',
    '    - name: http',
    '      port: ${3:80}',
    '      targetPort: ${4:http}',
  ]),
];
