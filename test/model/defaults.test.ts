import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyDefaults,
  defaultImagePullPolicy,
  DeploymentSchema,
  PodSchema,
  ServiceSchema,
  type Pod,
  type Service,
} from '../../simulator/src/model';

const container = { name: 'app', image: 'nginx:1.25' };
const pod = (spec: Record<string, unknown>): Pod =>
  PodSchema.parse({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const template = { metadata: { labels: { app: 'a' } }, spec: { containers: [container] } };

test('imagePullPolicy follows the image tag', () => {
  assert.equal(defaultImagePullPolicy('nginx'), 'Always');
  assert.equal(defaultImagePullPolicy('nginx:latest'), 'Always');
  assert.equal(defaultImagePullPolicy('nginx:1.25'), 'IfNotPresent');
  assert.equal(defaultImagePullPolicy('nginx@sha256:0123abcd'), 'IfNotPresent');
  assert.equal(defaultImagePullPolicy('nginx:latest@sha256:0123abcd'), 'IfNotPresent');
  assert.equal(defaultImagePullPolicy('localhost:5000/team/app'), 'Always');
  assert.equal(defaultImagePullPolicy('localhost:5000/team/app:v2'), 'IfNotPresent');
  const d = applyDefaults(
    pod({
      containers: [
        { name: 'a', image: 'busybox' },
        { name: 'b', image: 'busybox', imagePullPolicy: 'Never' },
      ],
    }),
  );
  assert.equal(d.spec?.containers[0]?.imagePullPolicy, 'Always');
  assert.equal(d.spec?.containers[1]?.imagePullPolicy, 'Never');
});

test('pod spec and container defaults', () => {
  const input = pod({ containers: [{ ...container, ports: [{ containerPort: 80 }] }] });
  const snapshot = structuredClone(input);
  const d = applyDefaults(input);
  assert.deepEqual(input, snapshot, 'the input is not modified');
  const s = d.spec;
  assert.ok(s);
  assert.equal(s.restartPolicy, 'Always');
  assert.equal(s.dnsPolicy, 'ClusterFirst');
  assert.equal(s.schedulerName, 'default-scheduler');
  assert.equal(s.terminationGracePeriodSeconds, 30);
  assert.deepEqual(s.securityContext, {});
  assert.equal(s.enableServiceLinks, true);
  const c = s.containers[0];
  assert.equal(c?.terminationMessagePath, '/dev/termination-log');
  assert.equal(c?.terminationMessagePolicy, 'File');
  assert.equal(c?.ports?.[0]?.protocol, 'TCP');
  assert.equal(c?.imagePullPolicy, 'IfNotPresent');
});

test('probe defaults fill only what is missing (and 0 counts as missing, as in Go)', () => {
  const d = applyDefaults(
    pod({
      containers: [
        {
          ...container,
          livenessProbe: { httpGet: { port: 8080 } },
          readinessProbe: { tcpSocket: { port: 'http' }, periodSeconds: 5, timeoutSeconds: 0, initialDelaySeconds: 7 },
          lifecycle: { preStop: { httpGet: { port: 80, path: '/quit' } } },
        },
      ],
    }),
  );
  const c = d.spec?.containers[0];
  assert.deepEqual(c?.livenessProbe, {
    httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
    initialDelaySeconds: 0,
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  });
  assert.equal(c?.readinessProbe?.periodSeconds, 5);
  assert.equal(c?.readinessProbe?.timeoutSeconds, 1);
  assert.equal(c?.readinessProbe?.initialDelaySeconds, 7);
  assert.deepEqual(c?.lifecycle?.preStop?.httpGet, { port: 80, path: '/quit', scheme: 'HTTP' });
});

test('Pod-only defaults: requests from limits, host ports on the host network', () => {
  const d = applyDefaults(
    pod({
      hostNetwork: true,
      containers: [
        {
          ...container,
          ports: [{ containerPort: 8080 }],
          resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '100m' } },
        },
      ],
    }),
  );
  assert.deepEqual(d.spec?.containers[0]?.resources?.requests, { cpu: '100m', memory: '128Mi' });
  assert.equal(d.spec?.containers[0]?.ports?.[0]?.hostPort, 8080);
  // not for templates
  const dep = applyDefaults(
    DeploymentSchema.parse({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        selector: { matchLabels: { app: 'a' } },
        template: { ...template, spec: { containers: [{ ...container, resources: { limits: { cpu: '1' } } }] } },
      },
    }),
  );
  assert.equal(dep.spec?.template.spec?.containers[0]?.resources?.requests, undefined);
  assert.equal(dep.spec?.template.spec?.enableServiceLinks, undefined);
});

test('volumes: emptyDir when no source, file modes, token expiry, fieldRef apiVersion', () => {
  const d = applyDefaults(
    pod({
      containers: [container],
      volumes: [
        { name: 'scratch' },
        { name: 'cfg', configMap: { name: 'c' } },
        { name: 'sec', secret: { secretName: 's', defaultMode: 0o400 } },
        {
          name: 'proj',
          projected: {
            sources: [
              { serviceAccountToken: { path: 'token' } },
              { downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name' } }] } },
            ],
          },
        },
      ],
    }),
  );
  const v = d.spec?.volumes ?? [];
  assert.deepEqual(v[0], { name: 'scratch', emptyDir: {} });
  assert.equal(v[1]?.configMap?.defaultMode, 420);
  assert.equal(v[2]?.secret?.defaultMode, 0o400);
  assert.equal(v[3]?.projected?.defaultMode, 420);
  assert.equal(v[3]?.projected?.sources?.[0]?.serviceAccountToken?.expirationSeconds, 3600);
  assert.equal(v[3]?.projected?.sources?.[1]?.downwardAPI?.items?.[0]?.fieldRef?.apiVersion, 'v1');
});

test('Service defaults', () => {
  const svc = (spec: Record<string, unknown>): Service =>
    applyDefaults(ServiceSchema.parse({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec }));
  const s = svc({
    selector: { app: 'a' },
    ports: [{ port: 80 }, { port: 443, targetPort: 'https', protocol: 'TCP', name: 'b' }],
  });
  assert.equal(s.spec?.type, 'ClusterIP');
  assert.equal(s.spec?.sessionAffinity, 'None');
  assert.equal(s.spec?.internalTrafficPolicy, 'Cluster');
  assert.equal(s.spec?.externalTrafficPolicy, undefined);
  assert.deepEqual(s.spec?.ports?.[0], { port: 80, protocol: 'TCP', targetPort: 80 });
  assert.equal(s.spec?.ports?.[1]?.targetPort, 'https');
  const lb = svc({ type: 'LoadBalancer', sessionAffinity: 'ClientIP', ports: [{ port: 80 }] });
  assert.equal(lb.spec?.externalTrafficPolicy, 'Cluster');
  assert.equal(lb.spec?.allocateLoadBalancerNodePorts, true);
  assert.equal(lb.spec?.sessionAffinityConfig?.clientIP?.timeoutSeconds, 10800);
  const ext = svc({ type: 'ExternalName', externalName: 'db.example.com' });
  assert.equal(ext.spec?.internalTrafficPolicy, undefined);
});

test('unknown kinds come back as an unchanged copy', () => {
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } };
  const out = applyDefaults(cm);
  assert.deepEqual(out, cm);
  assert.notEqual(out, cm);
});

test('applyDefaults normalises nulls, works without apiVersion and leaves invalid documents alone', () => {
  const raw = {
    kind: 'Pod',
    metadata: { name: 'p', labels: null },
    spec: { containers: [{ name: 'c', image: 'x:1', env: [null], livenessProbe: null }] },
  };
  const d = applyDefaults(raw) as unknown as Pod;
  assert.equal(d.spec?.restartPolicy, 'Always');
  assert.deepEqual(d.spec?.containers[0]?.env, []);
  assert.equal(d.spec?.containers[0]?.livenessProbe, undefined);
  const invalid = { apiVersion: 'v1', kind: 'Pod', spec: { containers: 'nope' } };
  assert.deepEqual(applyDefaults(invalid), invalid);
});
