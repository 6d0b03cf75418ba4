// A realistic multi-document manifest for the LSP benchmark: N Deployments of exactly 66 lines each
// (metadata with labels, selector, strategy, a pod template with one or two containers, ports, env,
// resources, liveness/readiness probes, volume mounts and volumes). Valid against the official schema.

export const LINES_PER_DOC = 66;

/** Where things are inside one document (0-based line offsets from the document's `---`). */
export const DOC_LAYOUT = {
  /** `          image: registry.example.com/shop/svc-<i>:1.<i>.0` (first container). */
  imageLine: 28,
  /** The first container's `- name: app` line; its keys are at 10 spaces. */
  containerLine: 27,
  containerKeyIndent: 10,
  /** `              value: info` (the LOG_LEVEL variable of the first container). */
  logLevelValueLine: 36,
  /** `          livenessProbe:` (first container). */
  livenessProbeLine: 44,
} as const;

function deployment(i: number): string[] {
  const name = `svc-${String(i).padStart(3, '0')}`;
  const port = 8080 + (i % 5);
  const tier = i % 3 === 0 ? 'frontend' : 'backend';
  const lines = [
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  namespace: team-${i % 7}`,
    '  labels:',
    `    app.kubernetes.io/name: ${name}`,
    '    app.kubernetes.io/part-of: shop',
    `    tier: ${tier}`,
    'spec:',
    `  replicas: ${1 + (i % 4)}`,
    '  revisionHistoryLimit: 5',
    '  selector:',
    '    matchLabels:',
    `      app.kubernetes.io/name: ${name}`,
    '  strategy:',
    '    type: RollingUpdate',
    '    rollingUpdate: { maxSurge: 1, maxUnavailable: 0 }',
    '  template:',
    '    metadata:',
    '      labels:',
    `        app.kubernetes.io/name: ${name}`,
    `        tier: ${tier}`,
    '    spec:',
    '      terminationGracePeriodSeconds: 30',
    '      containers:',
    '        - name: app',
    `          image: registry.example.com/shop/${name}:1.${i}.0`,
    '          imagePullPolicy: IfNotPresent',
    '          ports:',
    '            - name: http',
    `              containerPort: ${port}`,
    '              protocol: TCP',
    '          env:',
    '            - name: LOG_LEVEL',
    `              value: ${i % 2 === 0 ? 'info' : 'debug'}`,
    '            - name: POD_NAME',
    '              valueFrom:',
    '                fieldRef:',
    '                  fieldPath: metadata.name',
    '          resources:',
    `            requests: { cpu: ${100 + (i % 4) * 50}m, memory: 128Mi }`,
    '            limits: { cpu: 500m, memory: 256Mi }',
    '          livenessProbe:',
    '            httpGet: { path: /healthz, port: http }',
    '            initialDelaySeconds: 10',
    '            periodSeconds: 10',
    '          readinessProbe:',
    `            httpGet: { path: /ready, port: ${port} }`,
    '            periodSeconds: 5',
    '          volumeMounts:',
    '            - name: config',
    '              mountPath: /etc/svc',
    '              readOnly: true',
    ...(i % 2 === 0
      ? [
          '        - name: log-shipper',
          '          image: fluent/fluent-bit:3.1.4',
          '          args: ["-c", "/fluent-bit/etc/fluent-bit.conf"]',
          '          resources:',
          '            limits: { cpu: 50m, memory: 64Mi }',
          '          volumeMounts:',
          '            - { name: cache, mountPath: /var/log/app }',
        ]
      : [
          '          startupProbe:',
          `            tcpSocket: { port: ${port} }`,
          '            failureThreshold: 30',
          '            periodSeconds: 2',
          '          securityContext:',
          '            runAsNonRoot: true',
          '            allowPrivilegeEscalation: false',
        ]),
    '      volumes:',
    '        - name: config',
    `          configMap: { name: ${name}-config }`,
    '        - { name: cache, emptyDir: { sizeLimit: 256Mi } }',
  ];
  if (lines.length !== LINES_PER_DOC) throw new Error(`document ${i} has ${lines.length} lines, not ${LINES_PER_DOC}`);
  return lines;
}

/** `count` Deployments, `count * 66` lines (plus the final newline). */
export function generateDeployments(count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(...deployment(i));
  return out.join('\n') + '\n';
}

/** 0-based file line of a line offset inside document `doc`. */
export function lineOf(doc: number, offset: number): number {
  return doc * LINES_PER_DOC + offset;
}
