/**
 * Calendar days that hold at least `sessions` trading sessions: 1.5 days per session (weekends and
 * holidays) plus two weeks.
 *
 * @example calendarSpan(250) // 389
 */
export function calendarSpan(sessions: number): number {
  return Math.ceil(Math.max(0, sessions) * 1.5) + 14;
}
