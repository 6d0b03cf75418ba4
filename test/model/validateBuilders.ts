// Small manifest builders and issue lists for the validation tests (validate*.test.ts).
import { formatIssue, validate } from '../../simulator/src/model';

export type Doc = Record<string, unknown>;
export const errors = (doc: Doc): string[] =>
  validate(doc, { warnings: true })
    .filter((i) => i.severity === 'error')
    .map(formatIssue);
export const warnings = (doc: Doc): string[] =>
  validate(doc, { warnings: true })
    .filter((i) => i.severity === 'warning')
    .map(formatIssue);

export const c = (extra: Doc = {}): Doc => ({ name: 'app', image: 'nginx:1.25', ...extra });
export const pod = (spec: Doc, metadata: Doc = { name: 'web' }): Doc => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata,
  spec,
});
export const podWith = (container: Doc, spec: Doc = {}): Doc => pod({ containers: [c(container)], ...spec });
export const probe = (p: Doc): Doc => podWith({ livenessProbe: { httpGet: { port: 8080 }, ...p } });
export const tpl = (spec: Doc, labels: Doc = { app: 'a' }): Doc => ({
  metadata: { labels },
  spec: { containers: [c()], ...spec },
});
export const deployment = (spec: Doc): Doc => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd' },
  spec: { selector: { matchLabels: { app: 'a' } }, template: tpl({}), ...spec },
});
export const job = (spec: Doc, metadata: Doc = { name: 'j' }): Doc => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata,
  spec,
});
