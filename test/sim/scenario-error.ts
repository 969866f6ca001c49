/** The one-line message parseScenario gives for `text` (fails the test if it accepts the text). */
import { expect } from 'vitest';
import { RingSimError } from '../../src/core/errors.js';
import { parseScenario } from '../../src/sim/scenario.js';

export function scenarioError(text: string): string {
  try {
    parseScenario(text, 's.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(RingSimError);
    return (e as Error).message;
  }
  throw new Error('parseScenario accepted the text');
}
