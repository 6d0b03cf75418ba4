// The kinds PodLab models and the apiVersions that used to serve them.
import type { z } from 'zod';
import { PodSchema, type Pod } from './podSpec';
import {
  DaemonSetSchema,
  DeploymentSchema,
  ReplicaSetSchema,
  StatefulSetSchema,
  type DaemonSet,
  type Deployment,
  type ReplicaSet,
  type StatefulSet,
} from './workloads';
import { CronJobSchema, JobSchema, type CronJob, type Job } from './batch';
import { ServiceSchema, type Service } from './service';
import { ConfigMapSchema, SecretSchema, type ConfigMap, type Secret } from './configMap';

export interface KindSchema {
  apiVersion: string;
  kind: string;
  schema: z.ZodType;
}

/** The kinds PodLab understands, keyed by `"<apiVersion>/<kind>"` (e.g. `"apps/v1/Deployment"`, `"v1/Pod"`). */
export const KIND_SCHEMAS: Record<string, KindSchema> = {
  'v1/Pod': { apiVersion: 'v1', kind: 'Pod', schema: PodSchema },
  'apps/v1/Deployment': { apiVersion: 'apps/v1', kind: 'Deployment', schema: DeploymentSchema },
  'apps/v1/ReplicaSet': { apiVersion: 'apps/v1', kind: 'ReplicaSet', schema: ReplicaSetSchema },
  'apps/v1/StatefulSet': { apiVersion: 'apps/v1', kind: 'StatefulSet', schema: StatefulSetSchema },
  'apps/v1/DaemonSet': { apiVersion: 'apps/v1', kind: 'DaemonSet', schema: DaemonSetSchema },
  'batch/v1/Job': { apiVersion: 'batch/v1', kind: 'Job', schema: JobSchema },
  'batch/v1/CronJob': { apiVersion: 'batch/v1', kind: 'CronJob', schema: CronJobSchema },
  'v1/Service': { apiVersion: 'v1', kind: 'Service', schema: ServiceSchema },
  'v1/ConfigMap': { apiVersion: 'v1', kind: 'ConfigMap', schema: ConfigMapSchema },
  'v1/Secret': { apiVersion: 'v1', kind: 'Secret', schema: SecretSchema },
};

/** The schema for an apiVersion/kind pair, or undefined when PodLab does not model it. */
export function schemaFor(apiVersion: unknown, kind: unknown): KindSchema | undefined {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const key = `${apiVersion}/${kind}`;
  return Object.prototype.hasOwnProperty.call(KIND_SCHEMAS, key) ? KIND_SCHEMAS[key] : undefined;
}

/** Any object PodLab models, discriminated by `kind` once it has been parsed with its schema. */
export type KubeObject =
  | (Pod & { kind: 'Pod' })
  | (Deployment & { kind: 'Deployment' })
  | (ReplicaSet & { kind: 'ReplicaSet' })
  | (StatefulSet & { kind: 'StatefulSet' })
  | (DaemonSet & { kind: 'DaemonSet' })
  | (Job & { kind: 'Job' })
  | (CronJob & { kind: 'CronJob' })
  | (Service & { kind: 'Service' })
  | (ConfigMap & { kind: 'ConfigMap' })
  | (Secret & { kind: 'Secret' });
export type KubeKind = KubeObject['kind'];

export interface DeprecatedApiVersion {
  apiVersion: string;
  /** Kinds that used to be served under this apiVersion (and that PodLab models). */
  kinds: readonly string[];
  /** The apiVersion to use instead. */
  replacement: string;
  /** The Kubernetes release that stopped serving it. */
  removedIn: string;
}

/** Old apiVersions of the kinds above: the API server no longer serves them. */
export const DEPRECATED_API_VERSIONS: readonly DeprecatedApiVersion[] = [
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Deployment', 'ReplicaSet', 'DaemonSet'],
    replacement: 'apps/v1',
    removedIn: '1.16',
  },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment', 'StatefulSet'], replacement: 'apps/v1', removedIn: '1.16' },
  {
    apiVersion: 'apps/v1beta2',
    kinds: ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'],
    replacement: 'apps/v1',
    removedIn: '1.16',
  },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], replacement: 'batch/v1', removedIn: '1.25' },
  { apiVersion: 'batch/v2alpha1', kinds: ['CronJob'], replacement: 'batch/v1', removedIn: '1.21' },
];

/** The deprecation entry for an apiVersion (and kind, when given), if it is one of the removed ones. */
export function findDeprecatedApiVersion(apiVersion: string, kind?: string): DeprecatedApiVersion | undefined {
  return DEPRECATED_API_VERSIONS.find(
    (d) => d.apiVersion === apiVersion && (kind === undefined || d.kinds.includes(kind)),
  );
}
