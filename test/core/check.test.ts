import { describe, expect, it } from 'vitest';
import { hasErrors, type Check } from '../../src/core/check.js';

describe('hasErrors', () => {
  it('is true only when a check has severity error', () => {
    const at = (severity: Check['severity']): Check => ({ severity, field: 'f', message: 'm', fix: 'x' });
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([at('warning'), at('info')])).toBe(false);
    expect(hasErrors([at('info'), at('error')])).toBe(true);
  });
});
