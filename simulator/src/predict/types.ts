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
  /** Other lines that explain it (e.g. the port the container really listens on). */
  related: { path: string; message: string }[];
  pod: string;
  container?: string;
  changes: SuggestedChange[];
}
