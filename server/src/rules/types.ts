// The contract between the semantic checks (one module per rule under rules/) and the diagnostics
// pipeline. A rule looks at one YAML document (or, for file rules, all documents of a file) and reports
// findings with exact ranges; fixes travel with the finding, as data, and become quick fixes when asked for.
import type { FixData, ManifestIssue, OutcomeCode, Path, Range, SimObject } from '../../../simulator/src/index';

export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint';

/** The Pod Security Standard PodLab checks pods against (`podlab.podSecurity`; `off`: none of its own). */
export type PodSecuritySetting = 'off' | 'baseline' | 'restricted';

/** The settings a rule may depend on (most depend on none). */
export interface RuleOptions {
  podSecurity: PodSecuritySetting;
}

/** A text edit in the document's own coordinates (0-based lines and characters). */
export interface Edit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: Edit[];
  /** The one obvious fix (shown first, applicable with "Fix all"). */
  preferred?: boolean;
}

export interface Finding {
  range: Range;
  message: string;
  /**
   * The quick fixes, as changes by path: their text edits are made (analysis/fixes.ts) only when a code action asks
   * for them, not on every keystroke. They change the finding's own document, or `fixesDoc`.
   */
  fixes?: readonly FixData[];
  /** File rules only: the index of the document the fixes change, when that is not the finding's own (a
   * StatefulSet's finding fixed in its Service). */
  fixesDoc?: number;
  /**
   * Other places that explain the finding (e.g. the container port a probe should use). `doc` (optional, file
   * rules only) is the index of the document whose coordinates `range` is in, when that is not the finding's
   * own document (e.g. a Service finding pointing at a Deployment's containerPort).
   */
  related?: { range: Range; message: string; doc?: number }[];
  /** Overrides the rule's severity for this finding (rarely needed). */
  severity?: RuleSeverity;
}

/** A pod spec inside a document, with its path (`spec`, `spec.template.spec`, …). */
export interface PodSpecAt {
  path: Path;
  spec: Record<string, unknown>;
}

export interface DocContext {
  /** Index of the document in the file. */
  index: number;
  apiVersion?: string;
  kind?: string;
  /** The document as plain data (not defaulted). May be anything when the document is broken. */
  value: unknown;
  /** The validated, API-defaulted object, when the document is a valid pod-carrying object. */
  object?: SimObject;
  /** Range of the value at a path (or of the nearest existing ancestor). */
  range(path: Path): Range;
  /** Range of the key at the end of `path` + `key`, when that key exists. */
  keyRange(path: Path, key: string): Range | undefined;
  /** Every pod spec of the document (none for Services and other kinds). */
  podSpecs(): PodSpecAt[];
  /** Text of one line of the document (for indentation when inserting). */
  lineText(line: number): string;
  /** The loader's issues for this document (schema and the API server's validation), with their fix data. */
  issues: readonly ManifestIssue[];
}

export interface Rule {
  /** Stable id: the diagnostic code and the settings key (`podlab.rules.<id>`). */
  id: string;
  defaultSeverity: RuleSeverity;
  /** One line for the README and the settings description. */
  description: string;
  /**
   * For a rule that presents API-server checks: the loader issue codes it says in its own words. The check
   * itself lives once, in the model (simulator/src/model/validate*.ts); the diagnostics show such an issue
   * through the rule while the rule is on, and as the loader's own issue when it is off.
   */
  presents?: readonly string[];
  /**
   * Predicted outcomes that this rule's finding is the cause of when the prediction sits on the same value (a
   * probe on an undeclared port, and the crash loop it leads to): the diagnostics then show one diagnostic for
   * the cause, the prediction, with the finding's words, fixes and related lines merged in (mergeCauses.ts).
   * Without the prediction (predictions off, not made, or not known yet) the finding shows on its own.
   */
  causeOf?: readonly OutcomeCode[];
  /**
   * The finding's words state the same fact as the prediction's evidence (both computed by the same helper, such
   * as predict/slowStart.ts), so that the merged diagnostic says it once: the prediction's copy is left out.
   */
  statesEvidence?: true;
  check(doc: DocContext): Finding[];
}

/** A rule that needs every document of the file (e.g. a Service selector against the pod templates). */
export interface FileRule {
  id: string;
  defaultSeverity: RuleSeverity;
  description: string;
  checkFile(docs: readonly DocContext[], options?: RuleOptions): { doc: number; finding: Finding }[];
}
