// Predicted outcomes: the bad things a simulation shows, each tied to the manifest lines that cause them.

export type OutcomeCode =
  | 'predicted-crash-loop'
  | 'predicted-never-ready'
  | 'predicted-slow-ready'
  | 'predicted-oom-killed'
  | 'predicted-unschedulable'
  | 'predicted-image-pull'
  | 'predicted-config-error'
  | 'predicted-init-stuck'
  | 'predicted-job-failed'
  | 'predicted-prestop-cut'
  | 'predicted-sidecar-not-started';

/** What each predicted outcome shows as, in a word (the CodeLens says "predicts …" with it). */
export const OUTCOME_STATUS: Readonly<Record<OutcomeCode, string>> = {
  'predicted-crash-loop': 'CrashLoopBackOff',
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
  /** Other lines that explain it (e.g. the port the container really listens on). */
  related: { path: string; message: string }[];
  pod: string;
  container?: string;
  changes: SuggestedChange[];
}
