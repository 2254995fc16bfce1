/** The default estimation window, in trading days relative to day 0 (DESIGN section 3). */
export const DEFAULT_ESTIMATION_WINDOW: readonly [number, number] = [-250, -11];
/** The fewest estimation-window returns an event needs by default. */
export const DEFAULT_MIN_ESTIMATION_OBSERVATIONS = 100;
