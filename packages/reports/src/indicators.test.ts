import { describe, expect, it } from 'vitest';
import { assessIndicator } from './indicators.js';

describe('assessIndicator', () => {
  it('respects the good direction and floor standard', () => {
    expect(assessIndicator(90, 85, 'up', 70).rag).toBe('green');
    expect(assessIndicator(80, 85, 'up', 70).rag).toBe('amber');
    expect(assessIndicator(60, 85, 'up', 70).rag).toBe('red');
    expect(assessIndicator(8, 10, 'down', 15).rag).toBe('green');
    expect(assessIndicator(12, 10, 'down', 15).rag).toBe('amber');
    expect(assessIndicator(16, 10, 'down', 15).rag).toBe('red');
    expect(assessIndicator(16, null, 'down', 15).rag).toBe('red');
    expect(assessIndicator(14, null, 'down', 15).rag).toBe('green');
    expect(assessIndicator(null, 10, 'up', 5).rag).toBe('grey');
    expect(assessIndicator(3, 10, 'none', 5).rag).toBe('grey');
  });
});
