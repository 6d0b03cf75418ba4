// The one rounding rule for a countdown shown to users ("restart in 26s", "next restart in 26s"): the time
// left, in whole seconds rounded UP. Rounding down (or to nearest) would show "0s" while the back-off still
// holds; rounding up reaches 0 exactly when it expires. (kubectl's ages round down because they count time
// that has passed.) The 1e-9 absorbs float noise from ms → s conversions (165.1 − 139.1 = 26.000000000000004).
export function secondsLeft(until: number, t: number): number {
  return Math.max(0, Math.ceil(until - t - 1e-9));
}
