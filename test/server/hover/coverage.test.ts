// How many fields have a hover text we wrote (the generated fallback does not count). Every field of the
// container, probe, lifecycle, pod spec and workload spec types must have one; the overall figures are
// printed so that the coverage can be followed over time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { getFieldMeta, KIND_SCHEMAS, PodSpecSchema, unwrap } from '../../../simulator/src/model';
import { writtenDoc } from '../../../server/src/knowledge/fieldDocs';
import { defOf, typeNameOf } from '../../../server/src/knowledge/types';

interface Field {
  type: string;
  key: string;
  written: boolean;
  systemOwned: boolean;
  legacy: boolean;
}

/** Every (type, field) reachable from a schema, once per object type. */
function walk(
  root: z.ZodType,
  out = new Map<string, Field>(),
  seen = new Set<z.ZodType>(),
  systemOwned = false,
  legacy = false,
): Map<string, Field> {
  const s = unwrap(root);
  const d = defOf(s);
  if (d.type === 'array' || d.type === 'record') {
    walk((d.type === 'array' ? d['element'] : d['valueType']) as z.ZodType, out, seen, systemOwned, legacy);
    return out;
  }
  if (d.type !== 'object' || seen.has(s)) return out;
  seen.add(s);
  const type = typeNameOf(s) ?? '?';
  for (const [key, field] of Object.entries(d['shape'] as Record<string, z.ZodType>)) {
    const meta = getFieldMeta(field);
    const owned = systemOwned || meta.readOnly === true;
    const old = legacy || meta.deprecated !== undefined;
    const id = `${type}.${key}`;
    if (!out.has(id)) out.set(id, { type, key, written: writtenDoc(s, key) !== undefined, systemOwned: owned, legacy });
    walk(field, out, seen, owned, old);
  }
  return out;
}

const percent = (fs: Field[]): string =>
  `${fs.filter((f) => f.written).length}/${fs.length} (${((100 * fs.filter((f) => f.written).length) / Math.max(1, fs.length)).toFixed(1)}%)`;

/** Types whose every field must have a written text. */
const FULL = [
  // containers, probes, lifecycle
  'Container',
  'EphemeralContainer',
  'Probe',
  'ExecAction',
  'HTTPGetAction',
  'HTTPHeader',
  'TCPSocketAction',
  'GRPCAction',
  'SleepAction',
  'LifecycleHandler',
  'Lifecycle',
  'ContainerPort',
  'EnvVar',
  'EnvVarSource',
  'ConfigMapKeySelector',
  'SecretKeySelector',
  'ObjectFieldSelector',
  'ResourceFieldSelector',
  'EnvFromSource',
  'ConfigMapEnvSource',
  'SecretEnvSource',
  'ResourceRequirements',
  'VolumeMount',
  'VolumeDevice',
  'ContainerResizePolicy',
  // pod spec and its parts
  'PodSpec',
  'PodTemplateSpec',
  'SecurityContext',
  'PodSecurityContext',
  'Capabilities',
  'SeccompProfile',
  'Toleration',
  'Affinity',
  'NodeAffinity',
  'NodeSelector',
  'NodeSelectorTerm',
  'NodeSelectorRequirement',
  'PreferredSchedulingTerm',
  'PodAffinity',
  'PodAntiAffinity',
  'PodAffinityTerm',
  'WeightedPodAffinityTerm',
  'TopologySpreadConstraint',
  'Volume',
  'EmptyDirVolumeSource',
  'ConfigMapVolumeSource',
  'SecretVolumeSource',
  'KeyToPath',
  'HostPathVolumeSource',
  'PersistentVolumeClaimVolumeSource',
  'ProjectedVolumeSource',
  'VolumeProjection',
  'DownwardAPIVolumeSource',
  'DownwardAPIVolumeFile',
  'ObjectMeta',
  'LabelSelector',
  'LabelSelectorRequirement',
  // workloads and Service
  'Pod',
  'Deployment',
  'DeploymentSpec',
  'DeploymentStrategy',
  'RollingUpdateDeployment',
  'ReplicaSetSpec',
  'StatefulSet',
  'StatefulSetSpec',
  'StatefulSetUpdateStrategy',
  'RollingUpdateStatefulSetStrategy',
  'StatefulSetOrdinals',
  'StatefulSetPersistentVolumeClaimRetentionPolicy',
  'DaemonSet',
  'DaemonSetSpec',
  'DaemonSetUpdateStrategy',
  'RollingUpdateDaemonSet',
  'Job',
  'JobSpec',
  'PodFailurePolicy',
  'PodFailurePolicyRule',
  'PodFailurePolicyOnExitCodesRequirement',
  'CronJob',
  'CronJobSpec',
  'JobTemplateSpec',
  'Service',
  'ServiceSpec',
  'ServicePort',
  'SessionAffinityConfig',
  'ClientIPConfig',
];

test('hover-text coverage of the fields reachable from PodSpec', () => {
  const fields = [...walk(PodSpecSchema).values()];
  const missing = fields.filter((f) => !f.written);
  console.log(`# fields reachable from PodSpec with a written text: ${percent(fields)}`);
  console.log(`# without one: ${missing.map((f) => `${f.type}.${f.key}`).join(', ') || 'none'}`);
  for (const type of FULL) {
    const own = fields.filter((f) => f.type === type);
    const absent = own.filter((f) => !f.written).map((f) => f.key);
    assert.deepEqual(absent, [], `${type}: no text for ${absent.join(', ')}`);
  }
});

test('hover-text coverage over every kind', () => {
  const all = new Map<string, Field>();
  for (const k of Object.values(KIND_SCHEMAS)) walk(k.schema, all);
  const fields = [...all.values()];
  const user = fields.filter((f) => !f.systemOwned && !f.legacy);
  console.log(
    `# all fields of the 8 kinds: ${percent(fields)}; fields users write (outside status, other read-only parts and deprecated volume drivers): ${percent(user)}`,
  );
  for (const type of FULL) {
    const own = fields.filter((f) => f.type === type);
    assert.ok(own.length > 0, `${type} is not reachable from any kind`);
    const absent = own.filter((f) => !f.written).map((f) => f.key);
    assert.deepEqual(absent, [], `${type}: no text for ${absent.join(', ')}`);
  }
  assert.deepEqual(
    user.filter((f) => !f.written).map((f) => `${f.type}.${f.key}`),
    [],
    'user-facing fields without a text',
  );
});
