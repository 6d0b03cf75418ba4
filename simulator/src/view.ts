// The light half of the simulator's public API: what a consumer needs to show a trace, and nothing that
// builds the Kubernetes model or runs the engine. It is a separate entry point because the webview bundle
// (dist/webview.js) and the extension's activation bundle (dist/extension.js) must stay small: importing
// `./index` would make them evaluate the zod schemas and carry the model and engine, which the extension
// loads only on first use (dist/engine.js). esbuild cannot drop those: building zod schemas at module load
// counts as a side effect. Measured: a browser bundle of `humanDuration` + `splitDocuments` is 2 KB from
// here and 940 KB from `./index`. Everything here is plain TypeScript; the only dependency is the `yaml`
// package's CST parser (yamlDocuments.ts), which reads the start of a stream and what follows a `...`.
// `./index` re-exports all of it, so code that may load the whole simulator imports `./index` only.

// The simulated time of a run when nobody says otherwise (predictions, the panel, `podlab run`).
export { DEFAULT_HORIZON_SECONDS } from './horizon';

// The trace types: what a simulation produces and every consumer reads.
export type {
  BackOff,
  Cause,
  ConditionStatus,
  ContainerState,
  ContainerStateRunning,
  ContainerStateTerminated,
  ContainerStateWaiting,
  ContainerStatus,
  EndReason,
  EventType,
  KubectlColumns,
  ListenPort,
  PodCondition,
  PodPhase,
  PodStatus,
  PortRefused,
  ProbeKind,
  ProbeRecord,
  ProbeResult,
  Trace,
  TraceContainer,
  TraceEvent,
  TraceInstance,
  TraceNote,
  TracePod,
  TraceWorld,
} from './trace';

// Durations: Go's time.Duration text (ParseDuration and String), PodLab's CLI/scenario durations (seconds or Go
// syntax), kubectl's human ages, plain seconds.
export { goDuration, parseGoDuration } from './model/goDuration';
export type { GoDurationProblem, ParsedGoDuration } from './model/goDuration';
export { humanDuration, parseDuration, plainSeconds } from './present/duration';
export type { ParsedDuration } from './present/duration';
// The one rounding rule for countdowns shown to users (the inline hints and the panel).
export { secondsLeft } from './present/countdown';

// Presenting: kubectl's columns, `get` table, `describe` text and event aggregation, byte for byte.
export { kubectlColumns, kubectlWideColumns } from './present/kubectl';
export type { KubectlPodLike, KubectlSpecLike, KubectlWideColumns } from './present/kubectl';
export { formatPodTable } from './present/table';
export { formatDescribe } from './present/describe';
export type { DescribeInput } from './present/describe';
export { aggregateEvents, eventAge } from './present/describe-events';
export type { AggregatedEvent } from './present/describe-events';
export { formatEvents } from './present/events';

// YAML documents: splitting a stream into its documents the way the yaml parser does, without parsing
// their bodies (per-document caching, hover, completion, code lenses), and positions inside a document;
// and the parser options that make the `yaml` package read scalars the way the cluster does (YAML 1.1).
export {
  chunkAt,
  chunkLines,
  chunkOffset,
  chunkPosition,
  isDocumentMarker,
  splitDocuments,
  splitUntil,
} from './yamlDocuments';
export type { Chunk } from './yamlDocuments';
export { KUBERNETES_YAML_OPTIONS } from './model/yaml';

// Image references as the container runtime reads them (registry, repository, tag, digest).
export { parseImageRef } from './model/imageRef';
export type { ImageRef } from './model/imageRef';

// The pods a scenario event names, and the name a what-if on a generated pod uses (plain functions).
export { podsNamed, whatIfTarget } from './scenarioTargets';

// Predicted outcomes in a word, and the verdict of a run (computed with the simulator; the types travel).
export { OUTCOME_STATUS } from './predict/types';
export { worstVerdict } from './predict/rank';
export type { OutcomeCode } from './predict/types';
export type { Verdict, VerdictOutcome } from './predict/verdict';
