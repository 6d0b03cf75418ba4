// The actions of a Go template (Helm chart) as text/template/parse/lex.go reads them: delimiters `{{`/`}}`,
// trim markers, `/* */` comments, string literals, actions spanning lines; and whether a text is a template at
// all. placeholders.ts turns the actions into holes.
import type { Range } from '../sourceRanges';

export interface TemplateProblem {
  range: Range;
  message: string;
}

/** Longest an action may run over lines: a real one spans a few; a `{{` with no `}}` must not scan the file. */
const MAX_ACTION_CHARS = 4000;

// An action starts with a pipeline (a field, a variable, a function or a keyword); `{{` followed by anything
// else (a `{{ }}` in prose) and a text without `}}` are not Go templates.
const ACTION = /\{\{-?\s*(?:[.$(/"]|[A-Za-z_])/;

/** The text is (probably) a Go template. `path`: its file name, when known (a chart's `templates/` folder). */
export function looksLikeTemplate(text: string, path?: string): boolean {
  if (!text.includes('{{')) return false;
  if (path !== undefined && /(?:^|[\\/])templates[\\/]/.test(path)) return true;
  return ACTION.test(text) && text.includes('}}');
}

export interface Action {
  start: number;
  /** After the closing `}}` (or the end of the line, for an unclosed action). */
  end: number;
  /** The words inside, without delimiters and trim markers. */
  body: string;
  closed: boolean;
}

/** The end of the action starting at `start` (after its `}}`), or -1 when it has none within reach. */
function actionEnd(text: string, start: number): number {
  const limit = Math.min(text.length, start + MAX_ACTION_CHARS);
  let i = start + 2;
  if (text.charCodeAt(i) === 45 /* - */) i++;
  while (i < limit) {
    const c = text[i];
    if (c === '}' && text[i + 1] === '}') return i + 2;
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close === -1 || close >= limit) return -1;
      i = close + 2;
    } else if (c === '"' || c === "'") {
      // Interpreted strings and characters end at their quote; a line break ends them too (Go's lexer
      // reports an unterminated string there).
      i++;
      while (i < limit && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close === -1 || close >= limit) return -1;
      i = close + 1;
    } else i++;
  }
  return -1;
}

export function lexActions(
  text: string,
  problems: TemplateProblem[],
  position: (o: number) => Range['start'],
): Action[] {
  const actions: Action[] = [];
  let unclosedReported = false;
  for (let start = text.indexOf('{{'); start !== -1;) {
    let end = actionEnd(text, start);
    const closed = end !== -1;
    if (!closed) {
      // Go stops at the first one ("unclosed action"); the rest of the line is taken as the action, so the
      // lines after it are still read.
      if (!unclosedReported)
        problems.push({
          range: { start: position(start), end: position(start + 2) },
          message:
            'template: unclosed action — this `{{` has no matching `}}`, so Helm cannot render the file (the rest of the line is not checked)',
        });
      unclosedReported = true;
      const nl = text.indexOf('\n', start);
      end = nl === -1 ? text.length : nl;
    }
    let body = text.slice(start + 2, closed ? end - 2 : end);
    body = body
      .replace(/^-(?=\s)/, '')
      .replace(/\s-$/, '')
      .trim();
    actions.push({ start, end, body, closed });
    start = text.indexOf('{{', end);
  }
  return actions;
}
