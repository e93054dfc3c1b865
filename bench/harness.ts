// Runs our implementation next to its peers in the same process and prints each figure with
// the ratio ours / peer. Each round runs every contender once, in a rotating order; the median
// over rounds is reported, so a burst of machine noise cannot favour one side.
import { Bench } from 'tinybench';

export interface Contender {
  readonly name: string;
  readonly fn: () => unknown;
}

export interface Comparison {
  readonly title: string;
  /** What one unit of work is, e.g. `records/s` or `MB/s`. */
  readonly unit: string;
  /** How many units one call of `fn` processes (records in a batch, megabytes in a file). */
  readonly unitsPerCall: number;
  readonly ours: Contender;
  readonly peers: readonly Contender[];
  /** Milliseconds each contender runs per round. @default 1000 */
  readonly timeMs?: number;
  /** @default 5 */
  readonly rounds?: number;
}

export interface ComparisonResult {
  readonly title: string;
  readonly ours: { readonly name: string; readonly perSecond: number };
  readonly peers: readonly { readonly name: string; readonly perSecond: number; readonly ratio: number }[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Measures and prints one comparison; returns the figures. */
export async function compare(comparison: Comparison): Promise<ComparisonResult> {
  const contenders = [comparison.ours, ...comparison.peers];
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  const rounds = comparison.rounds ?? 5;
  for (let round = 0; round < rounds; round += 1) {
    const order = contenders.map((_, index) => contenders[(index + round) % contenders.length] as Contender);
    const bench = new Bench({
      time: comparison.timeMs ?? 1000,
      iterations: 3,
      warmupTime: 200,
      warmupIterations: 2,
    });
    for (const contender of order) bench.add(contender.name, contender.fn);
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
      samples.get(task.name)?.push(result.throughput.mean * comparison.unitsPerCall);
    }
  }
  return summarize(comparison, samples);
}

/**
 * Like {@link compare}, for work that takes seconds per call (transfers of hundreds of MB):
 * each round runs every contender once, in a rotating order, timed by the wall clock; `prepare`
 * runs before each call, untimed. The median over the rounds is reported.
 */
export async function compareRuns(
  comparison: Omit<Comparison, 'timeMs'> & { readonly prepare?: () => unknown },
): Promise<ComparisonResult> {
  const contenders = [comparison.ours, ...comparison.peers];
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  const rounds = comparison.rounds ?? 3;
  for (let round = 0; round < rounds; round += 1) {
    for (let index = 0; index < contenders.length; index += 1) {
      const contender = contenders[(index + round) % contenders.length] as Contender;
      await comparison.prepare?.();
      const started = process.hrtime.bigint();
      await contender.fn();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      samples.get(contender.name)?.push(comparison.unitsPerCall / seconds);
    }
  }
  return summarize(comparison, samples);
}

const format = (value: number): string =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);

function printResult(comparison: Pick<Comparison, 'unit'>, result: ComparisonResult): void {
  console.log(`\n${result.title}`);
  const rows = [
    [result.ours.name, format(result.ours.perSecond), ''],
    ...result.peers.map((peer) => [peer.name, format(peer.perSecond), `ratio ${peer.ratio.toFixed(2)}`]),
  ];
  const width = Math.max(...rows.map((row) => (row[0] as string).length));
  for (const [name, figure, ratio] of rows) {
    console.log(
      `  ${(name as string).padEnd(width)}  ${(figure as string).padStart(14)} ${comparison.unit}  ${ratio}`,
    );
  }
}

/** A small seeded PRNG (mulberry32), so every run benchmarks the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The median of each contender's samples, its ratio to ours, printed and returned. */
function summarize(
  comparison: Pick<Comparison, 'title' | 'ours' | 'peers' | 'unit'>,
  samples: ReadonlyMap<string, number[]>,
): ComparisonResult {
  const perSecond = (name: string): number => median(samples.get(name) ?? []);
  const ours = { name: comparison.ours.name, perSecond: perSecond(comparison.ours.name) };
  const peers = comparison.peers.map((peer) => ({
    name: peer.name,
    perSecond: perSecond(peer.name),
    ratio: ours.perSecond / perSecond(peer.name),
  }));
  printResult(comparison, { title: comparison.title, ours, peers });
  return { title: comparison.title, ours, peers };
}
