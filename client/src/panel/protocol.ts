// The messages between the extension and the Run Pod panel's webview: one discriminated union per
// direction, compiled into both bundles. Every switch over them ends with a `never` check.
import type {
  PodStatus,
  ProbeRecord,
  TraceEvent,
  TraceNote,
  TraceWorld,
  Cause,
  EndReason,
  OutcomeCode,
  VerdictOutcome,
} from '../../../simulator/src/view';

/** What will happen to one workload and why (simulator/src/predict/verdict.ts), for the card on top. */
export interface PanelVerdict {
  /** `Kind/name` of the workload. */
  object: string;
  pod: string;
  outcome: VerdictOutcome;
  status: string;
  /** The moment it shows (seconds), or null. */
  at: number | null;
  headline: string;
  reason: string;
  /** The prediction behind a problem: its code and full explanation ("Why"). */
  code?: OutcomeCode;
  why?: string;
  /** The manifest line that causes it ("Jump to line"). */
  cause?: Cause;
  /** How many more predictions the workload has. */
  more: number;
}

/** One run of a container, for the timeline lanes. */
export interface PanelInstance {
  start: number;
  end?: number;
  exitCode?: number;
  reason?: string;
  /** Why the run ended (a probe kill, the pod's deletion, OOM, the process itself…). */
  endedBy?: EndReason;
  /** When the kubelet's Killing event for this run came. */
  killedAt?: number;
}

export interface PanelContainer {
  name: string;
  kind: 'init' | 'sidecar' | 'regular';
  instances: PanelInstance[];
  /** Probe kinds the container has, e.g. ['liveness', 'readiness']. */
  probes: string[];
}

export interface PanelPod {
  name: string;
  /**
   * The name what-ifs on this pod use (simulator whatIfTarget): the workload's for generated pods, so that they
   * survive an edit of the template, which changes the generated names.
   */
  target: string;
  owner: string | null;
  node: string | null;
  doc: number;
  createdAt: number;
  deletedAt: number | null;
  removedAt: number | null;
  /** Published statuses, in time order: the status at t is the last one with `t ≤ t`. */
  history: { t: number; status: PodStatus }[];
  containers: PanelContainer[];
}

/** One workload of the file (a YAML document), for the timeline's summary row. */
export interface PanelWorkload {
  /** `Kind/name`, as verdicts and events name it. */
  object: string;
  kind: string;
  name: string;
  doc: number;
  /** spec.replicas (Deployment, ReplicaSet, StatefulSet). */
  replicas?: number;
  /** A Job's spec.completions (unset: the first success completes it) and spec.backoffLimit. */
  completions?: number;
  backoffLimit?: number;
}

export interface PanelSimulation {
  /** Document label for the header (file name, never HTML). */
  title: string;
  until: number;
  pods: PanelPod[];
  events: TraceEvent[];
  probes: ProbeRecord[];
  notes: TraceNote[];
  truncated?: { at: number; reason: string };
  /** The ConfigMaps and Secrets simulated and the references left unknown (Trace.world), when there are any. */
  world?: TraceWorld;
  /** The what-if actions made in the panel, in force, for the list in the panel. */
  whatIf: WhatIfAction[];
  /** The scenario file loaded, if any: its name, the settings it has besides events, and its events. */
  scenario: PanelScenario | null;
  /** One per workload, in document order. */
  verdicts: PanelVerdict[];
  /** The file's workloads, in document order (pods belong to one through their `doc`). */
  workloads: PanelWorkload[];
}

export interface PanelScenario {
  file: string;
  /** Its top-level keys other than `events` (`cluster`, `kubelet`, `containers`…). */
  settings: string[];
  events: WhatIfAction[];
}

/**
 * A scenario event (README "Scenario files"). `pod` names a workload or a pod (simulator podsNamed); the panel's
 * actions always name one, a scenario file's may not (then any pod with that container).
 */
export type WhatIfAction =
  | { kind: 'kill'; at: number; pod?: string; container: string; exitCode: number }
  | { kind: 'oom'; at: number; pod?: string; container: string }
  | { kind: 'delete'; at: number; pod: string; force: boolean; gracePeriodSeconds?: number }
  | { kind: 'http'; at: number; pod?: string; container: string; path: string; status: number }
  | { kind: 'endpoint'; at: number; pod?: string; container: string; port: number; state: 'fail' | 'recover' }
  | { kind: 'nodeFailure'; at: number; node: string };

/** Extension → webview. */
export type ToWebview =
  /**
   * `uri` (optional): the document's URI. The webview keeps it in its vscode.setState state, where the panel
   * serializer's `revive` reads `state.uri` after a window reload.
   */
  | {
      type: 'simulation';
      simulation: PanelSimulation;
      uri?: string;
      /** The document the user asked to run ("Run Deployment in Panel" above it): select its workload's pod. */
      focus?: number;
    }
  /**
   * The document does not parse. `keep`: the panel shows a run of this same document, which it keeps (dimmed)
   * with the problems above it, instead of dropping it.
   */
  | { type: 'problems'; title: string; problems: { line: number; message: string }[]; keep: boolean }
  /** The verdicts (by index) for which the language server offers a preferred quick fix, with its title. */
  | { type: 'fixes'; fixes: { index: number; title: string }[] }
  /** The panel stays on its document (pinned) or follows the active editor. */
  | { type: 'pinned'; pinned: boolean }
  | { type: 'seek'; t: number }
  /** A command of the panel's (package.json keybindings): play/pause, step, jump to the verdict's moment. */
  | { type: 'command'; command: PanelCommand }
  | { type: 'empty'; message: string };

export const PANEL_COMMANDS = ['togglePlay', 'nextEvent', 'previousEvent', 'jumpToVerdict'] as const;
export type PanelCommand = (typeof PANEL_COMMANDS)[number];

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  /** The panel's current time moved (play, step, scrub): the editor's inline facts follow it. */
  | { type: 'time'; t: number }
  | { type: 'whatIf'; action: WhatIfAction }
  | { type: 'removeWhatIf'; index: number }
  /** Remove one event of the loaded scenario file (from the panel's copy; the file is left alone). */
  | { type: 'removeScenarioEvent'; index: number }
  | { type: 'unloadScenario' }
  | { type: 'saveScenario' }
  | { type: 'loadScenario' }
  /** "Why?": show the manifest lines behind a cause. */
  | { type: 'reveal'; cause: Cause }
  /** Show a line of the document (0-based), e.g. a parse problem's. */
  | { type: 'revealLine'; line: number }
  /** Apply the language server's preferred quick fix for the verdict at `index`. */
  | { type: 'applyFix'; index: number }
  | { type: 'pin'; pinned: boolean };

export function assertNever(x: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(x)}`);
}
