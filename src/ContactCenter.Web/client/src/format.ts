// Formatting of figures, times and durations; every figure is shown with tabular digits (see styles.css).

/** Milliseconds of a .NET TimeSpan as System.Text.Json writes it: "[-][d.]hh:mm:ss[.fffffff]". */
export function timeSpanMs(value: string | null | undefined): number {
  if (!value) {
    return 0;
  }
  const match = /^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) {
    return 0;
  }
  const [, sign, days, hours, minutes, seconds, fraction] = match;
  const ms = ((Number(days ?? 0) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000
    + Math.round(Number(`0.${fraction ?? "0"}`) * 1000);
  return sign ? -ms : ms;
}

/** A duration as m:ss, or h:mm:ss from an hour on. */
export function duration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

/** Time elapsed since an ISO instant (0 when absent). */
export function since(iso: string | null | undefined, now = Date.now()): number {
  const at = iso ? Date.parse(iso) : NaN;
  // DateTimeOffset's default (year 1) stands for "never": nothing has elapsed.
  return Number.isNaN(at) || at <= 0 ? 0 : now - at;
}

/** Time left until an ISO instant (0 when absent or past). */
export function until(iso: string | null | undefined, now = Date.now()): number {
  return iso ? Math.max(0, Date.parse(iso) - now) : 0;
}

/** A percentage with no decimals, or an en dash when there is nothing to divide. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)}%` : "–";
}

/** A clock time (hh:mm:ss, local). */
export function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/** A date and time (short, local), e.g. for when a voicemail was left. */
export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString([], { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
}
