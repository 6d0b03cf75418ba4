// The output builtins `echo` and `printf`, as busybox ash, dash and bash print.
import { MAX_OUT } from './shellControl';

/** `echo`: bash and busybox take -n/-e/-E; dash takes no options and always interprets escapes. */
export function echo(args: string[], sh: string): string {
  let i = 0;
  let nl = true;
  let esc = sh === 'dash';
  while (i < args.length && /^-[neE]+$/.test(args[i]!) && sh !== 'dash') {
    if (args[i]!.includes('n')) nl = false;
    if (args[i]!.includes('e')) esc = true;
    if (args[i]!.includes('E')) esc = false;
    i++;
  }
  let s = args.slice(i).join(' ');
  if (esc)
    s = s
      .replace(/\\n/g, '\n')
      .replace(/\\t/g, '\t')
      .replace(/\\c[\s\S]*$/, () => ((nl = false), ''));
  return nl ? s + '\n' : s;
}

/** `printf` with the common conversions (%s, %d, %b, %q, %f and widths, read loosely). */
export function printf(args: string[]): string {
  const [fmt = '', ...rest] = args;
  let i = 0;
  const out = fmt.replace(/%(-?\d*)([sdqbf%])|\\n|\\t/g, (m: string, _w: string, c: string | undefined) => {
    if (m === '\\n') return '\n';
    if (m === '\\t') return '\t';
    if (c === '%') return '%';
    const v = rest[i++] ?? '';
    return c === 'd' ? String(Math.trunc(Number(v) || 0)) : v;
  });
  return out.slice(0, MAX_OUT);
}
