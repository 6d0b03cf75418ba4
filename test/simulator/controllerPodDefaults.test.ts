// Pods a controller creates get SetDefaults_Pod's Pod-only defaults, as the API server gives every Pod it creates.
// Source: k8s.io/kubernetes pkg/apis/core/v1/defaults.go (commit e34b0935), SetDefaults_Pod:
// - for each container and init container with Resources.Limits set, every limit without a request becomes the
//   request ("we only want this defaulting semantic to take place on a v1.Pod and not a v1.PodTemplate");
// - EnableServiceLinks nil → v1.DefaultEnableServiceLinks (true);
// - HostNetwork → defaultHostNetworkPorts: a port's HostPort 0 becomes its ContainerPort, containers and init
//   containers alike.
// The ReplicaSet, StatefulSet, DaemonSet and Job controllers create their pods through the API server (the
// controller.PodControlInterface CreatePods call), so those pods are defaulted like a Pod written by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDefaults, defaultedPodSpec, podFromTemplate, PodSchema } from '../../simulator/src/model';
import { run, present } from './harness';

const container = `{ name: app, image: "nginx:1.27", ports: [{ containerPort: 8080 }],
      resources: { limits: { cpu: 200m, memory: 64Mi }, requests: { cpu: 100m } } }`;
const init = `{ name: init, image: "busybox:1.36", command: [sh, -c, "exit 0"], resources: { limits: { memory: 32Mi } } }`;
const podSpec = `{ hostNetwork: true, containers: [${container}], initContainers: [${init}] }`;
const template = `{ metadata: { labels: { app: a } }, spec: ${podSpec} }`;
const selector = 'selector: { matchLabels: { app: a } }';

const kinds: Record<string, string> = {
  Deployment: `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\nspec: { ${selector}, template: ${template} }`,
  ReplicaSet: `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: { name: r }\nspec: { ${selector}, template: ${template} }`,
  StatefulSet: `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: s }\nspec: { serviceName: s, ${selector}, template: ${template} }`,
  DaemonSet: `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: ds }\nspec: { ${selector}, template: ${template} }`,
  Job: `apiVersion: batch/v1\nkind: Job\nmetadata: { name: j }\nspec: { template: { spec: { restartPolicy: Never, hostNetwork: true, containers: [${container}], initContainers: [${init}] } } }`,
  CronJob: `apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: c }\nspec: { schedule: "* * * * *", jobTemplate: { spec: { template: { spec: { restartPolicy: Never, hostNetwork: true, containers: [${container}], initContainers: [${init}] } } } } }`,
};

for (const [kind, yaml] of Object.entries(kinds)) {
  test(`${kind}: the pods it creates carry SetDefaults_Pod's Pod-only defaults`, () => {
    const r = run(yaml, { until: 90, scenario: present });
    const pod = r.result.pods[0];
    assert.ok(pod, `${kind} created a pod`);
    const [app] = pod.spec.containers;
    // a request stays where written; the missing memory request is the memory limit
    assert.deepEqual(app?.resources?.requests, { cpu: '100m', memory: '64Mi' });
    assert.deepEqual(pod.spec.initContainers?.[0]?.resources?.requests, { memory: '32Mi' });
    assert.equal(pod.spec.enableServiceLinks, true);
    assert.equal(app?.ports?.[0]?.hostPort, 8080);
  });
}

test('a controller pod whose limits exceed the node is unschedulable: the defaulted requests count', () => {
  // The scheduler's NodeResourcesFit reads requests only; with requests defaulted from limits, 100 CPUs do not fit.
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: { name: big }
spec:
  ${selector}
  template:
    metadata: { labels: { app: a } }
    spec:
      containers: [{ name: app, image: "nginx:1.27", resources: { limits: { cpu: "100" } } }]
`;
  const r = run(yaml, { until: 30, scenario: present });
  const failed = r.events('FailedScheduling');
  assert.ok(failed.length >= 1, 'FailedScheduling');
  assert.match(failed[0]!.message, /Insufficient cpu/);
  assert.equal(r.pod(30, 'big-').status.phase, 'Pending');
});

test('podFromTemplate: a deep copy with the Pod-only defaults; the template keeps none of them', () => {
  const spec = defaultedPodSpec({
    containers: [{ name: 'a', image: 'nginx', resources: { limits: { cpu: '1' } } }],
    enableServiceLinks: false,
  });
  const pod = podFromTemplate(spec);
  assert.deepEqual(pod.containers[0]?.resources?.requests, { cpu: '1' });
  assert.equal(pod.enableServiceLinks, false, 'a value written down is kept');
  assert.equal(spec.containers[0]?.resources?.requests, undefined, 'the template is not touched');
  // the same as a Pod object with that spec, defaulted by the loader's applyDefaults
  const asPod = applyDefaults(PodSchema.parse({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec }));
  assert.deepEqual(pod, asPod.spec);
});
