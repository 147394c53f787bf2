/**
 * The packed form of one show's ranking on one day, as `ranking_snapshots.ranking` stores it
 * (migration 0013 describes the layout). Pure: bytes in, entries out, and back.
 *
 * Entries are kept in the show's fan-score order, so a season's order is the show's order
 * restricted to that season's episodes: one blob per show answers every season too.
 */

/** One rated episode as it stood: n votes summing to S, imported tallies included. */
export interface SnapshotEntry {
  episodeId: number;
  count: number;
  sum: number;
}

/** A show's rated episodes in rank order (best first), with the prior weight m of that day. */
export interface SnapshotRanking {
  priorVotes: number;
  entries: SnapshotEntry[];
}

/** The first byte of every blob; a later layout gets a new number and both stay readable. */
const FORMAT_VERSION = 1;

export class SnapshotFormatError extends Error {
  override name = 'SnapshotFormatError';
}

/** Packs a ranking: version, m, the entry count, then per entry the id's zigzag delta, n and S as varints. */
export function encodeSnapshot(ranking: SnapshotRanking): Uint8Array {
  const out = new ByteWriter(8 + ranking.entries.length * 8);
  out.byte(FORMAT_VERSION);
  out.varint(ranking.priorVotes);
  out.varint(ranking.entries.length);
  let previousId = 0;
  for (const e of ranking.entries) {
    out.varint(zigzag(e.episodeId - previousId));
    out.varint(e.count);
    out.varint(e.sum);
    previousId = e.episodeId;
  }
  return out.bytes();
}

export function decodeSnapshot(bytes: Uint8Array): SnapshotRanking {
  const input = new ByteReader(bytes);
  const version = input.byte();
  if (version !== FORMAT_VERSION) throw new SnapshotFormatError(`unknown snapshot format ${version}`);
  const priorVotes = input.varint();
  const length = input.varint();
  const entries: SnapshotEntry[] = new Array(length);
  let episodeId = 0;
  for (let i = 0; i < length; i++) {
    episodeId += unzigzag(input.varint());
    entries[i] = { episodeId, count: input.varint(), sum: input.varint() };
  }
  if (!input.done()) throw new SnapshotFormatError('trailing bytes after the last entry');
  return { priorVotes, entries };
}

/** True when two blobs hold the same bytes: the day's ranking did not change. */
export function sameSnapshot(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// Deltas between ids in rank order are as often negative as positive; zigzag keeps small ones short.
// Arithmetic rather than bit operations: ids and sums may pass 2^31.
function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

function unzigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}

class ByteWriter {
  private buffer: Uint8Array;
  private length = 0;

  constructor(capacity: number) {
    this.buffer = new Uint8Array(capacity);
  }

  byte(value: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = value;
  }

  /** Seven bits per byte, low bits first; the high bit says another byte follows. */
  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`cannot pack ${value}`);
    let rest = value;
    while (rest >= 0x80) {
      this.byte((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.byte(rest);
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

class ByteReader {
  private offset = 0;

  constructor(private readonly buffer: Uint8Array) {}

  byte(): number {
    if (this.offset >= this.buffer.length) throw new SnapshotFormatError('snapshot ends early');
    return this.buffer[this.offset++]!;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 56) throw new SnapshotFormatError('varint too long');
    }
  }

  done(): boolean {
    return this.offset === this.buffer.length;
  }
}
