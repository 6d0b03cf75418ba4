// The view a program gets of the shell that starts it (ProgCtx): the image, the environment (reading a variable
// marks it as used, for the model's paths), the declared ports, the userland and the working directory.
import type { ProgCtx } from './internal';
import type { ShellState } from './shellState';

export function progCtxOf(s: ShellState, main: boolean, touchEnv: (name: string) => void): ProgCtx {
  return {
    image: s.o.image,
    env: (n) => {
      const v = s.getVar(n);
      if (v.value !== undefined || v.unknown) touchEnv(n);
      return v.value;
    },
    envSet: (n) => {
      const v = s.vars.get(n);
      return v !== undefined && (v.value !== undefined || v.unknown);
    },
    envNames: () => [...s.vars.keys()],
    declaredPorts: s.o.declaredPorts,
    interactive: s.o.interactive,
    main: main && s.o.mode === 'process',
    unknownMemoryMi: s.o.unknownMemoryMi,
    userland: s.o.userland,
    oldBusybox: s.o.oldBusybox,
    cwd: s.cwd,
    ...(s.o.access !== undefined ? { access: s.o.access } : {}),
  };
}
