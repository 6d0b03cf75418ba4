// Safe element helpers: text goes in with textContent, attributes with setAttribute (never event-handler or
// style attributes). Nothing in the webview parses strings as HTML.

export type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;
type Handlers = { [K in keyof HTMLElementEventMap]?: (ev: HTMLElementEventMap[K]) => void };

export interface Props {
  class?: string;
  text?: string;
  attrs?: Attrs;
  on?: Handlers;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** setAttribute that refuses `on…` handlers and inline `style` (the CSP blocks them; classes live in media/*.css). */
export function setAttr(el: Element, name: string, value: string | number | boolean | null | undefined): void {
  if (/^on/i.test(name) || name.toLowerCase() === 'style') throw new Error(`refused attribute ${name}`);
  if (value === null || value === undefined || value === false) el.removeAttribute(name);
  else {
    const v = value === true ? '' : String(value);
    if (el.getAttribute(name) !== v) el.setAttribute(name, v);
  }
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** An HTML element. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props?.class) el.className = props.class;
  if (props?.text !== undefined) el.textContent = props.text;
  for (const [k, v] of Object.entries(props?.attrs ?? {})) setAttr(el, k, v);
  for (const [k, fn] of Object.entries(props?.on ?? {})) el.addEventListener(k, fn as EventListener);
  append(el, children);
  return el;
}

/** An SVG element (presentation attributes only; colours come from classes in media/*.css). */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Attrs,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs ?? {})) setAttr(el, k, v);
  append(el, children);
  return el;
}

/** A <button type=button>. */
export function button(label: string, onClick: (ev: MouseEvent) => void, props?: Props): HTMLButtonElement {
  const b = h('button', { ...props, text: label, attrs: { type: 'button', ...props?.attrs } });
  b.addEventListener('click', onClick);
  return b;
}

/** Sets textContent only when it changed (keeps selection and avoids layout work). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Replaces the children of host, unless `signature` equals the one host was last built with. */
const signatures = new WeakMap<Element, string>();
export function rebuild(host: Element, signature: string, build: () => Child[]): void {
  if (signatures.get(host) === signature) return;
  signatures.set(host, signature);
  host.replaceChildren();
  append(host, build());
}

/**
 * Keyed update of host's children: an element per item, created once by `create` and refreshed by `update`, kept
 * in item order. Reusing elements keeps focus and lets clicks land while the panel is playing.
 */
const keys = new WeakMap<Element, string>();
export function reconcile<T, E extends Element>(
  host: Element,
  items: readonly T[],
  keyOf: (item: T) => string,
  create: (item: T) => E,
  update: (el: E, item: T) => void,
): void {
  const existing = new Map<string, E>();
  for (const child of Array.from(host.children)) {
    const k = keys.get(child);
    if (k !== undefined && !existing.has(k)) existing.set(k, child as E);
    else child.remove();
  }
  let at: Element | null = host.firstElementChild;
  for (const item of items) {
    const k = keyOf(item);
    let el = existing.get(k);
    if (el) existing.delete(k);
    else {
      el = create(item);
      keys.set(el, k);
    }
    update(el, item);
    if (el !== at) host.insertBefore(el, at);
    else at = at.nextElementSibling;
  }
  for (const stale of existing.values()) stale.remove();
}

/** Whether a key press belongs to the focused control (Space must not toggle play there). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, select, textarea, button, a, [contenteditable=""], [contenteditable="true"]')) return true;
  const role = target.getAttribute('role');
  return role === 'slider' || role === 'textbox' || role === 'button';
}
