// A workload whose selector does not select its own pod template: the API server rejects it with
// "`selector` does not match template `labels`". The check is the model's (validateSelector.ts), which
// lists each failing requirement (matchLabels and matchExpressions) with its fixes; this rule reports each
// requirement where it is written.
import type { Finding } from './types';
import { get, isObj } from './support/data';
import { detailOf, presentedRule, type Explained } from './support/presented';

export const selectorMismatch = presentedRule({
  id: 'selector-mismatch',
  defaultSeverity: 'error',
  description: "A workload's selector does not match its pod template labels (the API server rejects it)",
  presents: ['selector-mismatch'],
  explain(issue, doc) {
    const d = detailOf(issue, 'selector-mismatch');
    if (!d) return [];
    const rejects = `the API server rejects the ${doc.kind ?? 'workload'} (selector does not match template labels)`;
    const related: NonNullable<Finding['related']> = isObj(get(doc.value, d.labels))
      ? [{ range: doc.range(d.labels), message: 'the pod template labels' }]
      : [];
    return d.unmatched.map((u): Explained => {
      const at = [...d.selector, ...u.path];
      const want =
        u.operator === '='
          ? `${u.key}=${String(u.values[0])}`
          : u.operator === 'In' || u.operator === 'NotIn'
            ? `${u.key} ${u.operator} (${u.values.join(', ')})`
            : `${u.key} ${u.operator}`;
      const have = u.actual !== undefined ? `${u.key}=${u.actual}` : `no "${u.key}" label`;
      const rel = [...related];
      if (u.operator === '=' && u.actual !== undefined)
        rel.push({ range: doc.range([...d.labels, u.key]), message: `the template sets ${u.key}=${u.actual} here` });
      return {
        range:
          u.operator === '='
            ? (doc.keyRange([...d.selector, 'matchLabels'], u.key) ?? doc.range(at))
            : doc.range([...at, 'key']),
        message: `The selector requires ${want}, but the pod template has ${have}: ${rejects}`,
        related: rel,
        fixes: u.fixes,
      };
    });
  },
});
