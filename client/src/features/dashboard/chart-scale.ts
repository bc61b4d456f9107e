/**
 * The arithmetic of the dashboard's inline SVG charts: "nice" axis ticks (1, 2, 2.5 or 5 × a power of
 * ten), a linear scale from values to pixels, and the layout of grouped bars. Pure, so it is tested
 * on its own.
 */

export interface NiceAxis {
  /** The top of the axis: the first tick at or above the largest value. */
  max: number;
  step: number;
  /** 0, step, 2 × step … max. */
  ticks: number[];
}

const STEPS = [1, 2, 2.5, 5, 10];

/**
 * Ticks from 0 covering `maxValue` in about `targetTicks` steps. An empty or all-zero series still
 * gets an axis (0 … `emptyMax`), so a month without sales draws a flat chart, not a broken one.
 */
export function niceAxis(maxValue: number, targetTicks = 4, emptyMax = 100): NiceAxis {
  const top = Number.isFinite(maxValue) && maxValue > 0 ? maxValue : emptyMax;
  const target = Math.max(1, targetTicks);
  const power = 10 ** Math.floor(Math.log10(top / target));
  // Every round step near the rough one; the winner hugs the data (lowest top), then has the number
  // of intervals closest to the target. At most one interval more than asked for.
  const candidates = [power / 10, power, power * 10].flatMap((p) => STEPS.map((s) => s * p));
  let best: { step: number; count: number; max: number } | null = null;
  for (const step of candidates) {
    const count = Math.max(1, Math.ceil(top / step - 1e-9));
    if (count > target + 1) continue;
    const max = count * step;
    const better =
      !best || max < best.max - 1e-9 || (Math.abs(max - best.max) <= 1e-9 && Math.abs(count - target) < Math.abs(best.count - target));
    if (better) best = { step, count, max };
  }
  const { step, count } = best!;
  const ticks = Array.from({ length: count + 1 }, (_, i) => roundTo(i * step, step));
  return { max: ticks[ticks.length - 1]!, step, ticks };
}

/** Removes binary noise (0.1 + 0.2) from tick values for steps below 1. */
function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(decimals));
}

/** A value on [0, domainMax] to a y coordinate: 0 at the bottom (`height`), domainMax at the top (0). */
export function linearY(domainMax: number, height: number) {
  return (value: number) => {
    if (domainMax <= 0) return height;
    const clamped = Math.min(Math.max(value, 0), domainMax);
    return height - (clamped / domainMax) * height;
  };
}

export interface BarSlot {
  /** Left edge of the group. */
  x: number;
  /** Width of the whole group (all its bars). */
  width: number;
  /** Left edge of each bar in the group. */
  bars: number[];
  barWidth: number;
  /** Centre of the group: where its label goes. */
  centre: number;
}

/**
 * `groups` groups of `perGroup` bars side by side across `width` pixels, with a gap between groups
 * of `gapRatio` of each group's band. Bars never get narrower than 1 px.
 */
export function groupedBars(groups: number, perGroup: number, width: number, gapRatio = 0.3): BarSlot[] {
  if (groups <= 0 || width <= 0) return [];
  const band = width / groups;
  const inner = band * (1 - gapRatio);
  const barWidth = Math.max(1, inner / Math.max(1, perGroup));
  return Array.from({ length: groups }, (_, i) => {
    const x = i * band + (band - inner) / 2;
    return { x, width: inner, bars: Array.from({ length: perGroup }, (_, j) => x + j * barWidth), barWidth, centre: i * band + band / 2 };
  });
}

/**
 * Which of `count` axis labels to show when each needs `labelWidth` pixels and the axis has `width`:
 * every one, every other one, and so on, always including the last (the current month).
 */
export function labelEvery(count: number, width: number, labelWidth: number): number {
  if (count <= 0 || width <= 0) return 1;
  const fits = Math.max(1, Math.floor(width / labelWidth));
  return Math.max(1, Math.ceil(count / fits));
}

/** The change from `previous` to `current` as a fraction (0.25 = +25 %); null when there was nothing before. */
export function relativeChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}
