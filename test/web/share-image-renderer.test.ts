/**
 * The share-image renderer's bound: at most `concurrency` renders at once, the rest waiting in
 * arrival order, and a full queue refused with 503 rather than grown.
 */
import { describe, expect, it } from 'vitest';
import { ShareImageRenderer } from '../../src/web/embeds/share-image/share-renderer.js';
import { ServiceUnavailableError } from '../../src/shared/errors.js';

/** A render function whose renders finish only when the test says so, in any order. */
function heldRenders() {
  const open = new Map<string, () => void>();
  const started: string[] = [];
  return {
    started,
    render: (svg: string) =>
      new Promise<Buffer>((resolve) => {
        started.push(svg);
        open.set(svg, () => resolve(Buffer.from(`png of ${svg}`)));
      }),
    finish: (svg: string) => open.get(svg)!(),
  };
}

/** Lets the promise jobs queued so far run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('share image renderer', () => {
  it('runs two renders at a time and starts the waiting ones in arrival order', async () => {
    const held = heldRenders();
    const renderer = new ShareImageRenderer({ concurrency: 2, render: held.render });
    const results = ['a', 'b', 'c', 'd', 'e'].map((svg) => renderer.render(svg));
    await settle();
    expect(held.started).toEqual(['a', 'b']);
    expect(renderer.stats()).toMatchObject({ running: 2, waiting: 3 });
    held.finish('b');
    await settle();
    expect(held.started).toEqual(['a', 'b', 'c']);
    expect(renderer.stats()).toMatchObject({ running: 2, waiting: 2 });
    for (const svg of ['a', 'c', 'd', 'e']) {
      held.finish(svg);
      await settle();
    }
    expect((await Promise.all(results)).map(String)).toEqual(['png of a', 'png of b', 'png of c', 'png of d', 'png of e']);
    expect(renderer.stats()).toEqual({ renders: 5, running: 0, waiting: 0, peak: 2 });
  });

  it('refuses a render with 503 when the queue is full, and frees its turn after a failure', async () => {
    const held = heldRenders();
    let fail = true;
    const renderer = new ShareImageRenderer({
      concurrency: 1,
      maxWaiting: 1,
      render: (svg) => (fail ? Promise.reject(new Error('broken SVG')) : held.render(svg)),
    });
    await expect(renderer.render('bad')).rejects.toThrow('broken SVG');
    fail = false;
    const first = renderer.render('a');
    const second = renderer.render('b');
    await settle();
    const refused = renderer.render('c');
    await expect(refused).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(refused).rejects.toMatchObject({ status: 503, retryAfterSeconds: expect.any(Number) });
    held.finish('a');
    await settle();
    held.finish('b');
    expect(String(await first)).toBe('png of a');
    expect(String(await second)).toBe('png of b');
    expect(renderer.stats()).toMatchObject({ running: 0, waiting: 0, peak: 1 });
  });
});
