// The shapes of a loaded manifest (manifest.ts reads it, manifestObject.ts checks each object of it).
import type { Document, LineCounter } from 'yaml';
import type { IssueData } from './model/validate';
import type { SimObject } from './simulate';
import type { Path } from './model/path';
import type { Range } from './sourceRanges';
import type { WorldObject } from './world/objects';
import type { NamespaceObject } from './engine/admission';

export type Severity = 'error' | 'warning' | 'information';

/** One problem of a manifest; `fixes` and `detail` (IssueData) come from the model's checks. */
export interface ManifestIssue extends IssueData {
  doc: number;
  path: Path;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
}

export interface ManifestDoc {
  index: number;
  yaml: Document.Parsed;
  value: unknown;
  apiVersion?: string;
  kind?: string;
  name?: string;
}

export interface LoadedManifest {
  docs: ManifestDoc[];
  objects: SimObject[];
  issues: ManifestIssue[];
  /** Names of the Services defined in the file (their DNS names resolve inside simulated pods). */
  services: string[];
  /** The ConfigMaps and Secrets of the file (documents and List items) that passed validation. */
  world: WorldObject[];
  /** The `kind: Namespace` objects (v1) of the file: their labels carry the Pod Security levels. */
  namespaces: NamespaceObject[];
  /** Documents that were skipped (other kinds), for notes. */
  skipped: { doc: number; message: string }[];
  lineCounter: LineCounter;
}

export const POD_CARRYING_KINDS = [
  'Pod',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
] as const;

/** Where the pod spec sits in each pod-carrying kind. */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
