// Validation issues and the constructors of k8s.io/apimachinery/pkg/util/validation/field (Kubernetes' words).
import type { FixData } from './fixes';
import { formatPath, type Path } from './path';
import type { UnmatchedRequirement } from './selectors';

export type { Path } from './path';

/**
 * Facts that explain an issue beyond its path and message, for consumers that present it in their own words
 * (the language server): structured, so that nobody parses `message`.
 */
export type IssueDetail =
  /** A name used twice: where it is first used. */
  | { kind: 'duplicate'; first: Path }
  /** A reference to a name that is not defined: the names that are, with where they are defined. */
  | { kind: 'not-found'; known: { name: string; path: Path }[] }
  /** A selector that does not select its own template: each requirement that fails, with its fixes. */
  | { kind: 'selector-mismatch'; selector: Path; labels: Path; unmatched: UnmatchedRequirement[] };

/** What an issue may carry besides its words: fixes as data, and facts for explanations. */
export interface IssueData {
  /** Changes that remove the issue, where one change does (the editor offers them as quick fixes). */
  fixes?: FixData[];
  detail?: IssueDetail;
}

export interface ValidationIssue extends IssueData {
  path: Path;
  message: string;
  /** A stable, kebab-case identifier of the rule (e.g. `probe-period`, `duplicate-container-name`). */
  code: string;
  /** `warning` marks input the API server accepts but silently changes (e.g. a probe period of 0). */
  severity: 'error' | 'warning';
}

/** `spec.containers[0].name: Duplicate value: "app"` */
export function formatIssue(i: ValidationIssue): string {
  return `${formatPath(i.path)}: ${i.message}`;
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? String(v);
}

/** Collects issues with the constructors of k8s.io/apimachinery/pkg/util/validation/field. */
export class Issues {
  readonly list: ValidationIssue[] = [];
  /** Each constructor returns the issue it added, so that a check can attach fixes and detail (IssueData). */
  private add(path: Path, message: string, code: string, severity: 'error' | 'warning' = 'error'): ValidationIssue {
    const issue: ValidationIssue = { path: [...path], message, code, severity };
    this.list.push(issue);
    return issue;
  }
  invalid(path: Path, value: unknown, detail: string, code: string): ValidationIssue {
    return this.add(path, `Invalid value: ${show(value)}: ${detail}`, code);
  }
  required(path: Path, detail: string, code: string): ValidationIssue {
    return this.add(path, detail ? `Required value: ${detail}` : 'Required value', code);
  }
  unsupported(path: Path, value: unknown, supported: readonly string[], code: string): ValidationIssue {
    return this.add(
      path,
      `Unsupported value: ${show(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
      code,
    );
  }
  duplicate(path: Path, value: unknown, code: string): ValidationIssue {
    return this.add(path, `Duplicate value: ${show(value)}`, code);
  }
  notFound(path: Path, value: unknown, code: string): ValidationIssue {
    return this.add(path, `Not found: ${show(value)}`, code);
  }
  forbidden(path: Path, detail: string, code: string): ValidationIssue {
    return this.add(path, `Forbidden: ${detail}`, code);
  }
  /** field.TooLong (current apimachinery words; older releases said `must have at most N bytes`). */
  tooLong(path: Path, maxBytes: number, code: string): ValidationIssue {
    return this.add(path, `Too long: may not be more than ${maxBytes} bytes`, code);
  }
  warning(path: Path, message: string, code: string): void {
    this.add(path, message, code, 'warning');
  }
  /** Runs a name checker and reports each of its messages as an invalid value. */
  names(path: Path, value: string, check: (v: string) => string[], code: string): void {
    for (const m of check(value)) this.invalid(path, value, m, code);
  }
  nonNegative(path: Path, value: number | undefined, code: string): void {
    if (value !== undefined && value < 0) this.invalid(path, value, 'must be greater than or equal to 0', code);
  }
}
