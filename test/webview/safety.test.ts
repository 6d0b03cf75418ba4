// Guard: the webview renders every string with textContent / setAttribute. No file under client/webview may use
// an HTML-parsing or code-evaluating API, nor inline styles (the panel's CSP blocks them; classes live in
// media/*.css), and the stylesheets load nothing remote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const webview = join(root, 'client', 'webview');

const FORBIDDEN: [string, RegExp][] = [
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(?:ln)?\b/],
  ['eval', /(?<![\w$])eval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['srcdoc', /\bsrcdoc\b/i],
  ['string setTimeout/setInterval', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
  ['inline style', /\.style\s*(?:\.|=|\[)|\.cssText\b|setAttribute\(\s*['"`]style/],
  ['event-handler attribute', /setAttribute\(\s*['"`]on/i],
];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(?:ts|tsx|js|mjs|cjs|html)$/.test(name)) out.push(path);
  }
  return out;
}

/** `file:line: what` for every forbidden use in a text. */
export function violations(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const [what, re] of FORBIDDEN) if (re.test(line)) found.push(`${file}:${i + 1}: ${what}: ${line.trim()}`);
  });
  return found;
}

test('the guard recognises every forbidden API', () => {
  const samples = [
    'el.innerHTML = x',
    'el.outerHTML = x',
    "el.insertAdjacentHTML('beforeend', x)",
    'document.write(x)',
    'document . writeln(x)',
    'eval(code)',
    'window.eval (code)',
    "new Function('return 1')",
    'range.createContextualFragment(x)',
    'new DOMParser()',
    "frame.setAttribute('srcdoc', x)",
    "setTimeout('alert(1)', 0)",
    "el.style.color = 'red'",
    "el.setAttribute('style', 'color: red')",
    "el.setAttribute('onclick', x)",
  ];
  for (const s of samples) assert.equal(violations('sample', s).length, 1, `not caught: ${s}`);
  for (const ok of [
    'el.textContent = x',
    "setAttr(el, 'title', x)",
    'evaluate(x)',
    'medieval(x)',
    "h('span', { class: 'style' })",
  ]) {
    assert.deepEqual(violations('sample', ok), [], `false alarm: ${ok}`);
  }
});

test('no file under client/webview parses HTML, evaluates code or sets inline styles', () => {
  const files = sources(webview);
  assert.ok(
    files.some((f) => f.endsWith(join('client', 'webview', 'main.ts'))),
    'client/webview/main.ts exists',
  );
  assert.ok(files.length >= 5, `found only ${files.length} files under client/webview`);
  const found = files.flatMap((f) => violations(relative(root, f), readFileSync(f, 'utf8')));
  assert.deepEqual(found, []);
});

test('the panel stylesheets (media/*.css) load nothing remote', () => {
  const sheets = readdirSync(join(root, 'media')).filter((f) => f.endsWith('.css'));
  assert.ok(sheets.includes('panel.css'), `media holds ${JSON.stringify(sheets)}`);
  for (const f of sheets) {
    const css = readFileSync(join(root, 'media', f), 'utf8');
    assert.doesNotMatch(css, /@import/, f);
    assert.doesNotMatch(css, /url\(\s*['"]?\s*(?:https?:|\/\/)/i, f);
  }
});
