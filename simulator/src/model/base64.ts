// Go's encoding/base64 StdEncoding decoder (the API server decodes a Secret's `data` and a ConfigMap's
// `binaryData` with it when it reads []byte from JSON): the same accepted input (padding required, \r and \n
// ignored, trailing bits not checked) and the same error offset as `illegal base64 data at input byte N`.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));
const PAD = 61; // '='
const isNewline = (b: number | undefined) => b === 10 || b === 13;

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; offset: number };

/** Decodes like base64.StdEncoding.DecodeString (Go's decodeQuantum, non-strict). Offsets count UTF-16 units. */
export function decodeBase64(text: string): Base64Result {
  const src = text;
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const q: number[] = [];
    let dlen = 4;
    let end = false;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { ok: true, bytes: Uint8Array.from(out) };
        return { ok: false, offset: si - j }; // padding is required
      }
      const inp = src.charCodeAt(si);
      si++;
      const v = DECODE.get(inp);
      if (v !== undefined) {
        q.push(v);
        continue;
      }
      if (isNewline(inp)) {
        j--;
        continue;
      }
      if (inp !== PAD) return { ok: false, offset: si - 1 };
      // Padding: only after two or three characters of a quantum.
      if (j === 0 || j === 1) return { ok: false, offset: si - 1 };
      if (j === 2) {
        while (si < src.length && isNewline(src.charCodeAt(si))) si++;
        if (si === src.length) return { ok: false, offset: src.length };
        if (src.charCodeAt(si) !== PAD) return { ok: false, offset: si - 1 };
        si++;
      }
      while (si < src.length && isNewline(src.charCodeAt(si))) si++;
      if (si < src.length) return { ok: false, offset: si }; // trailing garbage
      dlen = j;
      end = true;
      break;
    }
    const [a = 0, b = 0, c = 0, d = 0] = q;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    const bytes = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (end) break;
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/** The bytes as text when they are valid UTF-8, else undefined (binary content). */
export function utf8Text(bytes: Uint8Array): string | undefined {
  let s = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return undefined;
    let cp = len === 1 ? b : b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k]!;
      if (c >> 6 !== 2) return undefined;
      cp = (cp << 6) | (c & 0x3f);
    }
    if ((len === 2 && cp < 0x80) || (len === 3 && cp < 0x800) || (len === 4 && cp < 0x10000) || cp > 0x10ffff)
      return undefined;
    if (cp >= 0xd800 && cp <= 0xdfff) return undefined;
    s += String.fromCodePoint(cp);
    i += len;
  }
  return s;
}

/** The length in bytes of a string's UTF-8 encoding (Go's len(string)). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
