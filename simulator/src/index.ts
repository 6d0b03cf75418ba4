// The simulator's public API. The language server, the CLI, the extension's lazily loaded engine bundle and
// the benchmarks import the simulator through this file only; every other module under simulator/src is
// internal and may move. (Tests may still import an internal module when that module is what they test.)
//
// The webview and the extension's activation bundle import `./view` instead: this file pulls in the
// Kubernetes model (zod schemas built at load time) and the engine, which those bundles must not carry.

// Loading manifests: YAML text → validated objects with source positions, and positions of paths.
export { loadManifest, POD_CARRYING_KINDS, POD_SPEC_PATHS } from './manifest';
export type { LoadedManifest, ManifestDoc, ManifestIssue, Severity } from './manifest';
export { causeRange, keyRangeOf, rangeOf } from './sourceRanges';
// Helm chart templates: actions turned into holes of the same length before the one parse path reads them.
export { hasHole, templateToYaml } from './template/placeholders';
export { looksLikeTemplate } from './template/actions';
export type { TemplateProblem, TemplateYaml } from './template/placeholders';
export { holeRanges, touchesHole } from './template/unknown';
export type { Position, Range } from './sourceRanges';
export { formatPath, parsePath } from './model/path';
export type { Path } from './model/path';

// The Kubernetes object model: kind schemas, their field metadata (for hover and completion), selectors.
// `model` is the whole model as one namespace, for consumers that look schemas up by export name.
export * as model from './model/index';
export {
  childSchema,
  DEPRECATED_API_VERSIONS,
  fix,
  getFieldMeta,
  KIND_SCHEMAS,
  mapSelectorMatches,
  objectKeys,
  schemaAtPath,
  schemaFor,
  unwrap,
} from './model/index';
export type { FieldMeta, SetBy } from './model/index';
// The values the API server fills in for fields left out: the one table the loader's defaulting applies (rules
// that read a raw document use it for what the API server would store).
// The hover and completion texts quote it.
export {
  ADMISSION_DEFAULTS,
  CONTAINER_DEFAULTS,
  CRON_JOB_DEFAULTS,
  DAEMON_SET_DEFAULTS,
  DEPLOYMENT_DEFAULTS,
  FIELD_REF_API_VERSION_DEFAULT,
  HTTP_GET_DEFAULTS,
  IMAGE_PULL_POLICY_DEFAULTS,
  JOB_DEFAULTS,
  POD_DEFAULTS,
  POD_SPEC_DEFAULTS,
  PORT_PROTOCOL_DEFAULT,
  PROBE_DEFAULTS,
  PVC_DEFAULTS,
  SERVICE_DEFAULTS,
  STATEFUL_SET_DEFAULTS,
  VOLUME_DEFAULTS,
} from './model/index';
export { ENV_FIELD_PATHS, RESOURCE_FIELD_REFS } from './model/index';
// The security settings a container runs with (pod securityContext merged with the container's), for the rules.
export { capabilityName, effectiveSecurity, securityFieldPath } from './model/effectiveSecurity';
export type { EffectiveSecurity, SecurityFieldSource, SecurityInput, Sourced } from './model/effectiveSecurity';
// Fixes as data, attached to the model's issues (and made by the language server's rules): changes by path.
export type { Change, FixData, IssueData, IssueDetail, UnmatchedRequirement } from './model/index';

// Simulating: objects + scenario → trace, deterministic for a given seed and epoch.
export { DEFAULT_EPOCH, simulate } from './simulate';
export { DEFAULT_BUDGET, MAX_PODS } from './limits';
export type { SimObject, SimulateOptions, SimulationResult, WorkloadObject } from './simulate';
export type { UnknownReference, WorldObject, WorldSource } from './world/objects';

// Pod Security Admission: a level's violations in a pod template, a namespace's labels, the API server's words.
export {
  forbiddenPodMessage,
  namespaceOf,
  namespacePolicies,
  namespacePolicy,
  podSecurityViolations,
  policyName,
  POD_SECURITY_LEVELS,
  violationsText,
  wouldViolateMessage,
} from './admission/podSecurity';
export type {
  NamespacePolicy,
  PodSecurityLevel,
  PolicyLevel,
  PssOffender,
  PssViolation,
} from './admission/podSecurity';

// Reading the simulated runtime at a moment (the inline hints read the container runs and the status
// history at any t; the trace holds one moment).
export { PROBE_FIELD, probeOf } from './engine/runtime';
export type { ContainerRuntime, Instance, PodRuntime, ProbeSlot } from './engine/runtime';
export { statusAt } from './engine/status';

// Scenario files: the what-if events and kubelet settings a simulation runs under.
export { declaredWorldOf, declaresNodes, DEFAULT_KUBELET, ScenarioSchema } from './scenario';
export type { DeclaredWorld, KubeletSettings, Scenario, ScenarioEventSpec, ScenarioInput } from './scenario';
export { loadScenario } from './scenarioFile';
export { jsonSchemaAt, scenarioJsonSchema } from './scenarioJsonSchema';
export type { JsonSchema } from './scenarioJsonSchema';
export type { ScenarioResult } from './scenarioFile';

// Predictions: the outcome a trace leads to (crash loop, never ready …) and the change that fixes it.
export { foldEvents, foldProbes } from './present/traceRepeats';
export type { FoldedEvent, FoldedProbe } from './present/traceRepeats';
export { predict, predictOutcomes, verdicts, OUTCOME_STATUS } from './predict/index';
export type {
  OutcomeCode,
  Outcomes,
  PredictOptions,
  Prediction,
  SuggestedChange,
  UnknownReason,
  Verdict,
  VerdictOutcome,
  Withheld,
} from './predict/index';
// Every trouble a run shows, each explained by a prediction, left unknown for a reason, or benign.
export { troubles } from './predict/troubles';
export type { BenignReason, Trouble, TroubleVerdict } from './predict/troubles';
// The probe value that covers a late start: the rule and the predictions suggest the same one.
export { slowStartChange } from './predict/slowStart';

// How a container's image and command behave (used by rules that reason about ports and start times).
export { inferProcess } from './behaviour/infer';
export type { ContainerLike } from './behaviour/infer';
export type { ProcessModel } from './behaviour/types';

// Presenting, and everything the webview may use too: trace types, kubectl formats, durations, YAML
// document splitting and image references.
export * from './view';
