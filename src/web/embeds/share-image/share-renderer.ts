/**
 * Turns share-image SVG into PNG with resvg, off the event loop and a bounded number at a time.
 * resvg's renderAsync runs in libuv's thread pool, so the server keeps answering while a card
 * renders; at most `concurrency` renders run at once (the pool also serves file and DNS work), the
 * rest wait their turn in arrival order, and past `maxWaiting` a request is turned away with 503
 * instead of joining a queue that a burst of crawlers could grow without end.
 */
import { renderAsync } from '@resvg/resvg-js';
import { ServiceUnavailableError } from '../../../shared/errors.js';
import { SHARE_FONT_FAMILY, SHARE_RENDER_FONT_FILES } from './share-font.js';

/** SVG in, PNG out; injected by tests to hold renders open. */
export type RenderPng = (svg: string) => Promise<Buffer>;

export const renderWithResvg: RenderPng = async (svg) => {
  const image = await renderAsync(svg, {
    font: { fontFiles: [...SHARE_RENDER_FONT_FILES], loadSystemFonts: false, defaultFontFamily: SHARE_FONT_FAMILY },
    logLevel: 'off',
  });
  return image.asPng();
};

export interface ShareRendererOptions {
  /** Renders running at once. */
  concurrency?: number;
  /** Renders allowed to wait for a turn; more are refused. */
  maxWaiting?: number;
  render?: RenderPng;
}

/** How long a refused client is asked to wait: about what the queue ahead of it takes to clear. */
const RETRY_AFTER_SECONDS = 5;

export class ShareImageRenderer {
  private readonly concurrency: number;
  private readonly maxWaiting: number;
  private readonly renderPng: RenderPng;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private renders = 0;
  private peak = 0;

  constructor(options: ShareRendererOptions = {}) {
    this.concurrency = options.concurrency ?? 2;
    this.maxWaiting = options.maxWaiting ?? 64;
    this.renderPng = options.render ?? renderWithResvg;
  }

  /** The PNG for this SVG, once a turn is free. */
  async render(svg: string): Promise<Buffer> {
    await this.turn();
    this.renders++;
    try {
      return await this.renderPng(svg);
    } finally {
      this.release();
    }
  }

  /** Renders started, how many run and wait now, and the most that ever ran at once: for tests and diagnostics. */
  stats(): { renders: number; running: number; waiting: number; peak: number } {
    return { renders: this.renders, running: this.running, waiting: this.waiting.length, peak: this.peak };
  }

  private async turn(): Promise<void> {
    if (this.running < this.concurrency) {
      this.start();
      return;
    }
    if (this.waiting.length >= this.maxWaiting) {
      throw new ServiceUnavailableError('Too many share images are being drawn right now; try again shortly.', RETRY_AFTER_SECONDS);
    }
    // The finishing render hands its turn straight over (see release), so `running` never dips.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private start(): void {
    this.running++;
    this.peak = Math.max(this.peak, this.running);
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
