// The text of `kubectl get pods` (`-o wide`, `-A`), laid out with kubectl's tabwriter settings.
import type { KubectlColumns } from '../trace';
import type { KubectlWideColumns } from './kubectl';
import { GET_TABWRITER, tabwrite } from './tabwriter';

export interface PodTableRow {
  name: string;
  /** Needed for the NAMESPACE column (`opts.namespace`). */
  namespace?: string;
  columns: KubectlColumns;
  /** `-o wide` cells; `<none>` everywhere when missing. */
  wide?: KubectlWideColumns;
}

export interface PodTableOptions {
  /** `-o wide`: adds IP, NODE, NOMINATED NODE, READINESS GATES. */
  wide?: boolean;
  /** `--all-namespaces`: adds the NAMESPACE column first (and the empty message has no namespace). */
  namespace?: boolean;
  /** Namespace named in `No resources found in <ns> namespace.`; default `default`. */
  currentNamespace?: string;
  /** Keep the given order instead of the API server's order (namespace, then name). */
  keepOrder?: boolean;
}

const NONE_WIDE: KubectlWideColumns = {
  ip: '<none>',
  node: '<none>',
  nominatedNode: '<none>',
  readinessGates: '<none>',
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `kubectl get pods` output without a trailing newline. Columns are as wide as their widest cell plus 3 spaces
 * (kubectl's tabwriter: minwidth 6, padding 3); the last column is not padded, so lines have no trailing spaces.
 * Rows are sorted by namespace and name like a List from the API server, unless `keepOrder`.
 * When there are no rows: `No resources found in default namespace.` (`No resources found` with `namespace`);
 * kubectl prints that on stderr.
 */
export function formatPodTable(rows: readonly PodTableRow[], opts?: PodTableOptions): string {
  if (rows.length === 0) {
    return opts?.namespace
      ? 'No resources found'
      : `No resources found in ${opts?.currentNamespace ?? 'default'} namespace.`;
  }
  const sorted = opts?.keepOrder
    ? [...rows]
    : [...rows].sort((a, b) => compare(a.namespace ?? '', b.namespace ?? '') || compare(a.name, b.name));
  const header = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
  if (opts?.wide) header.push('IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES');
  if (opts?.namespace) header.unshift('NAMESPACE');
  const lines = [header.join('\t')];
  for (const r of sorted) {
    const cells = [r.name, r.columns.ready, r.columns.status, r.columns.restarts, r.columns.age];
    if (opts?.wide) {
      const w = r.wide ?? NONE_WIDE;
      cells.push(w.ip, w.node, w.nominatedNode, w.readinessGates);
    }
    if (opts?.namespace) cells.unshift(r.namespace ?? 'default');
    lines.push(cells.join('\t'));
  }
  return tabwrite(lines.join('\n'), GET_TABWRITER);
}
