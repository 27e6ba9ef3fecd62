import { type Spread, spreadOf } from './stats.ts';

/** One printed line: a measure over repeated runs, with what it is compared against. */
export interface Figure {
  benchmark: string;
  measure: string;
  unit: string;
  spread: Spread;
  /** Goal met or missed, or what the line means. */
  note?: string;
}

/** Collects one value per run for each measure, in the order measures first appear. */
export class FigureSet {
  private readonly values = new Map<string, { unit: string; values: number[] }>();
  private readonly notes = new Map<string, (median: number) => string>();

  constructor(readonly benchmark: string) {}

  add(measure: string, unit: string, value: number): void {
    const entry = this.values.get(measure) ?? { unit, values: [] };
    entry.values.push(value);
    this.values.set(measure, entry);
  }

  /** A note computed from the measure's median once all runs are in, such as whether a goal is met. */
  noteOn(measure: string, note: (median: number) => string): void {
    this.notes.set(measure, note);
  }

  figures(): Figure[] {
    return [...this.values].map(([measure, { unit, values }]) => {
      const spread = spreadOf(values);
      return { benchmark: this.benchmark, measure, unit, spread, note: this.notes.get(measure)?.(spread.median) };
    });
  }
}
