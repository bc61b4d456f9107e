import { describe, expect, it } from 'vitest';
import { groupedBars, labelEvery, linearY, niceAxis, relativeChange } from './chart-scale';

describe('chart scales of the finance dashboard', () => {
  it('when values are drawn, then the axis ends on a round tick at or above the largest value', () => {
    expect(niceAxis(433_600, 4)).toEqual({ max: 500_000, step: 100_000, ticks: [0, 100_000, 200_000, 300_000, 400_000, 500_000] });
    expect(niceAxis(1000, 4)).toEqual({ max: 1000, step: 250, ticks: [0, 250, 500, 750, 1000] });
    expect(niceAxis(7, 4).ticks).toEqual([0, 2.5, 5, 7.5]);
    expect(niceAxis(4336, 4).ticks).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(niceAxis(0.3, 3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
    for (const max of [1, 13, 99, 101, 4336, 98_765, 1_234_567]) {
      const axis = niceAxis(max, 4);
      expect(axis.max, String(max)).toBeGreaterThanOrEqual(max);
      expect(axis.ticks.length, String(max)).toBeLessThanOrEqual(6);
      expect(axis.max, String(max)).toBeLessThan(max * 2.5);
      expect(axis.ticks[0]).toBe(0);
      const leading = axis.step / 10 ** Math.floor(Math.log10(axis.step));
      expect([1, 2, 2.5, 5]).toContain(leading);
    }
  });

  it('when there is nothing to draw, then the axis still runs from 0 to a default top', () => {
    expect(niceAxis(0, 4, 10_000)).toMatchObject({ max: 10_000, ticks: [0, 2500, 5000, 7500, 10_000] });
    expect(niceAxis(Number.NaN, 4, 100).max).toBe(100);
    expect(niceAxis(-50, 4, 100).max).toBe(100);
  });

  it('when a value is placed, then 0 sits on the bottom, the top on 0, and out-of-range values are clamped', () => {
    const y = linearY(500, 200);
    expect(y(0)).toBe(200);
    expect(y(500)).toBe(0);
    expect(y(250)).toBe(100);
    expect(y(-10)).toBe(200);
    expect(y(900)).toBe(0);
    expect(linearY(0, 200)(10)).toBe(200);
  });

  it('when twelve months of two bars share the width, then groups are evenly spaced and never overlap', () => {
    const slots = groupedBars(12, 2, 600, 0.3);
    expect(slots).toHaveLength(12);
    expect(slots[0]!.centre).toBe(25);
    expect(slots[11]!.centre).toBe(575);
    expect(slots[0]!.barWidth).toBeCloseTo(17.5);
    for (let i = 1; i < slots.length; i += 1) {
      const previous = slots[i - 1]!;
      expect(slots[i]!.x).toBeGreaterThan(previous.x + previous.width);
      expect(slots[i]!.bars[1]! - slots[i]!.bars[0]!).toBeCloseTo(slots[i]!.barWidth);
    }
    expect(groupedBars(0, 2, 600)).toEqual([]);
    expect(groupedBars(12, 2, 6)[0]!.barWidth).toBe(1);
  });

  it('when labels do not all fit, then every second (or third) one is shown', () => {
    expect(labelEvery(12, 900, 40)).toBe(1);
    expect(labelEvery(12, 300, 40)).toBe(2);
    expect(labelEvery(12, 150, 40)).toBe(4);
    expect(labelEvery(0, 300, 40)).toBe(1);
  });

  it('when this month is compared with the last, then the change is a fraction, or null after an empty month', () => {
    expect(relativeChange(150, 100)).toBe(0.5);
    expect(relativeChange(50, 100)).toBe(-0.5);
    expect(relativeChange(100, 0)).toBeNull();
  });
});
