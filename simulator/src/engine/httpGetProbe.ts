// The request side of the kubelet's HTTP probe (k/k pkg/probe/http/http.go: DoHTTPProbe with the client's
// CheckRedirect = RedirectChecker(followNonLocalRedirects=false)). The Go client follows 301, 302, 303, 307 and
// 308 answers that carry a Location; the checker stops at a redirect to another host name
// (http.ErrUseLastResponse: the 3xx answer itself is the result) and errors after 10 redirects.
import type { PodRuntime } from './runtime';
import { httpAnswer } from './podView';

export type HttpGetResult =
  /** Nothing accepts connections on the port of `url`. */
  | { kind: 'refused'; url: string; port: number }
  /** The Go client's error for the 11th request: `Get "<url>": stopped after 10 redirects`. */
  | { kind: 'tooManyRedirects'; url: string }
  /** The answer the client returns: a 2xx/4xx/5xx, or a 3xx it did not follow (`location`: where it pointed). */
  | {
      kind: 'answer';
      url: string;
      path: string;
      port: number;
      status: number;
      location?: string;
      body: string;
      hops: number;
      /** Why a static file server answered an error. */
      why?: string;
    };

interface Req {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

const FOLLOWED = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;

const urlOf = (r: Req): string => `${r.scheme}://${r.host}:${r.port}${r.path}`;

export function httpGet(
  pod: PodRuntime,
  scheme: string,
  host: string,
  port: number,
  path: string,
  now: number,
): HttpGetResult {
  const first: Req = { scheme, host, port, path: path.startsWith('/') ? path : '/' + path };
  let req = first;
  for (let hops = 0; ; hops++) {
    const a = httpAnswer(pod, req.port, req.path, now);
    if (a === 'refused') return { kind: 'refused', url: urlOf(req), port: req.port };
    const final = {
      kind: 'answer' as const,
      url: urlOf(req),
      path: req.path,
      port: req.port,
      status: a.status,
      body: '',
      hops,
      ...(a.why !== undefined ? { why: a.why } : {}),
    };
    if (!FOLLOWED.has(a.status) || a.location === undefined) return final;
    const location = goRedirectLocation(a.location, req.path);
    // net/http's http.Redirect writes this body for a GET (agnhost and Grafana, the modelled redirecting
    // servers, are Go programs): `<a href="<url>">Found</a>.` plus two newlines.
    const answer = { ...final, location, body: `<a href="${htmlEscape(location)}">${statusText(a.status)}</a>.\n\n` };
    const next = resolve(location, req);
    if (next.host !== first.host) return answer; // RedirectChecker: req.URL.Hostname() != via[0].URL.Hostname()
    if (hops + 1 >= MAX_REDIRECTS) return { kind: 'tooManyRedirects', url: urlOf(next) };
    req = next;
  }
}

/** http.Redirect: a location without scheme that is not absolute is made relative to the request's directory. */
function goRedirectLocation(loc: string, reqPath: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(loc) || loc.startsWith('/')) return loc;
  const bare = reqPath.split('?')[0] ?? reqPath;
  return bare.slice(0, bare.lastIndexOf('/') + 1) + loc;
}

function resolve(loc: string, base: Req): Req {
  const abs = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(\[[^\]]*\]|[^/:?#]*)(?::(\d+))?([^#]*)/.exec(loc);
  if (abs) {
    const scheme = abs[1]!.toLowerCase();
    const port = abs[3] !== undefined ? Number(abs[3]) : scheme === 'https' ? 443 : 80;
    return { scheme, host: abs[2]!.replace(/^\[|\]$/g, ''), port, path: abs[4] || '/' };
  }
  if (loc.startsWith('//')) return resolve(`${base.scheme}:${loc}`, base);
  return { ...base, path: loc };
}

function htmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&#34;')
    .replace(/'/g, '&#39;');
}

function statusText(code: number): string {
  return (
    { 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 307: 'Temporary Redirect', 308: 'Permanent Redirect' }[
      code
    ] ?? ''
  );
}
