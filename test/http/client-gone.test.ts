/**
 * A visitor who closes the connection while a compressed answer is still being made (a stopped
 * load test, a closed tab) is not a server failure: each time the scale benchmark's load generator
 * stopped, the JSON votes still waiting on their commit logged a dozen "request failed" errors with
 * stacks. (The window — after the answer is sent, before the compressor's first bytes — is too
 * narrow to hit from a test on purpose; the decision is tested here, the path by the benchmark.)
 */
import { describe, expect, it } from 'vitest';
import { clientWentAway } from '../../src/web/ui/errors.js';

describe('a client that goes away mid-answer', () => {
  const prematureClose = Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });

  it('is told by the stream error on a closed connection', () => {
    expect(clientWentAway(prematureClose, { destroyed: true })).toBe(true);
    expect(clientWentAway(prematureClose, null)).toBe(true);
  });

  it('is not the same error while the connection is open, nor any other error', () => {
    expect(clientWentAway(prematureClose, { destroyed: false })).toBe(false);
    expect(clientWentAway(new Error('boom'), { destroyed: true })).toBe(false);
    expect(clientWentAway(null, { destroyed: true })).toBe(false);
  });
});
