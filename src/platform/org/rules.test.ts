import { describe, expect, it } from 'vitest';
import { LEVELS, placeUnit, type Level } from './rules.ts';

describe('placeUnit', () => {
  it('a root must be a region with a level', () => {
    expect(placeUnit('region', 'county', null)).toEqual({ level: 'county' });
    expect(placeUnit('department', 'county', null)).toHaveProperty('error');
    expect(placeUnit('region', undefined, null)).toHaveProperty('error');
  });

  it('a department takes the level of its parent', () => {
    expect(placeUnit('department', undefined, { kind: 'region', level: 'county' })).toEqual({ level: 'county' });
    expect(placeUnit('department', undefined, { kind: 'department', level: 'township' })).toEqual({ level: 'township' });
    expect(placeUnit('department', 'province', { kind: 'region', level: 'county' })).toHaveProperty('error');
  });

  it.each(LEVELS.flatMap((parent) => LEVELS.map((child) => [parent, child] as [Level, Level])))('region %s > %s', (parent, child) => {
    const r = placeUnit('region', child, { kind: 'region', level: parent });
    expect('error' in r).toBe(LEVELS.indexOf(child) <= LEVELS.indexOf(parent));
  });

  it('a region never sits under a department', () => {
    expect(placeUnit('region', 'township', { kind: 'department', level: 'county' })).toHaveProperty('error');
  });
});
