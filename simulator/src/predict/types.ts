// Predicted outcomes: the bad things a simulation shows, each tied to the manifest lines that cause them.

export type OutcomeCode =
  | 'predicted-crash-loop'
  | 'predicted-restarts'
  | 'predicted-never-ready'
  | 'predicted-slow-ready'
  | 'predicted-oom-killed'
  | 'predicted-unschedulable'
  | 'predicted-image-pull'
  | 'predicted-config-error'
  | 'predicted-mount-failed'
  | 'predicted-init-stuck'
  | 'predicted-job-failed'
  | 'predicted-prestop-cut'
  | 'predicted-sidecar-not-started';

/** What each predicted outcome shows as, in a word (the CodeLens says "predicts …" with it). */
export const OUTCOME_STATUS: Readonly<Record<OutcomeCode, string>> = {
  'predicted-crash-loop': 'CrashLoopBackOff',
  'predicted-restarts': 'restarting',
  'predicted-never-ready': 'never Ready',
  'predicted-slow-ready': 'Ready late',
  'predicted-oom-killed': 'OOMKilled',
  'predicted-unschedulable': 'Pending',
  'predicted-image-pull': 'ImagePullBackOff',
  'predicted-init-stuck': 'stuck in Init',
  'predicted-job-failed': 'Job failed',
  'predicted-prestop-cut': 'preStop cut short',
  'predicted-sidecar-not-started': 'sidecar not Started',
  'predicted-config-error': 'CreateContainerConfigError',
  'predicted-mount-failed': 'ContainerCreating',
};

/** A one-value change that removes the cause (the language server turns it into a quick fix). */
export interface SuggestedChange {
  title: string;
  /** Path of the value to set (it may not exist yet: then it is added under its parent). */
  path: string;
  value: string | number;
}

export interface Prediction {
  code: OutcomeCode;
  /** The YAML document the cause is in. */
  doc: number;
  /** Manifest paths behind the outcome; the first one carries the diagnostic. */
  paths: string[];
  /** Plain words, with numbers. */
  message: string;
  /** The cause in a few words, without the outcome or its numbers (the panel's verdict line shows it). */
  evidence?: string;
  /**
   * The message without its evidence, for a diagnostic that also carries a rule's finding stating that evidence in
   * words of its own (the language server merges the two, and says the cause once). Set where such a rule exists:
   * a liveness or startup probe that fails because the process is not listening yet.
   */
  brief?: string;
  /** Other lines that explain it (e.g. the port the container really listens on). */
  related: { path: string; message: string }[];
  pod: string;
  container?: string;
  changes: SuggestedChange[];
  /** The simulated time (seconds) the prediction was read from; its message says it too. */
  horizon: number;
}

/** A prediction as a predictor makes it; predict() stamps the horizon on it. */
export type Draft = Omit<Prediction, 'horizon'>;

/**
 * Why a predictor saw trouble but made no prediction: unknown beats confidently wrong. Each reason names what
 * the simulation cannot know, so the trouble it shows is reported as unknown rather than dropped.
 */
export type UnknownReason =
  /** A probe aimed at a port of a program the behaviour model does not know: the real one may listen there. */
  | 'unknown-program-port'
  /** The process's exit follows a comparison the behaviour model had to assume. */
  | 'assumed-condition'
  /** Scheduling that depends on the real cluster (labels, taints, host ports, hardware, node size). */
  | 'cluster-dependent'
  /** An image name that is a template waiting for a substitution (`<PROJECT_ID>`, `$REGION`). */
  | 'templated-image'
  /** imagePullPolicy Never on the default cluster: the real node may hold the image. */
  | 'image-on-real-node'
  /** A Job with a podFailurePolicy, which the simulator does not model. */
  | 'pod-failure-policy'
  /** A script that fails on its first runs only: the loop settles, so the back-off seen on the way is no crash loop. */
  | 'settled'
  /** The simulated time ends too soon after the start to tell a slow start from one that never succeeds. */
  | 'horizon';

/** A predictor's decision not to predict, for one pod (and container). */
export interface Withheld {
  code: OutcomeCode;
  reason: UnknownReason;
  doc: number;
  pod: string;
  container?: string;
}
