import type { JourneyNode } from '@journey/shared';
import { describe, expect, it } from 'vitest';
import { freeSpotNear } from './placement';

const nodeAt = (id: string, x: number, y: number): JourneyNode => ({
  id,
  type: 'wait',
  position: { x, y },
  config: {},
});

describe('freeSpotNear', () => {
  it('keeps the centre when it is free', () => {
    expect(freeSpotNear({ x: 0, y: 0 }, [nodeAt('far', 1000, 1000)], {})).toEqual({ x: 0, y: 0 });
  });

  it('moves to the nearest cell where the new node overlaps nothing', () => {
    const nodes = [nodeAt('here', 0, 0)];
    const spot = freeSpotNear({ x: 10, y: 10 }, nodes, { here: { width: 200, height: 100 } });
    expect(spot).not.toEqual({ x: 10, y: 10 });
    const clear = spot.y >= 124 || spot.y <= -120 || spot.x >= 224 || spot.x <= -224;
    expect(clear).toBe(true);
  });
});
