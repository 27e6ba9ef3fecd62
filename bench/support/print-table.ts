import type { Figure } from './figures.ts';

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const size = Math.abs(value);
  // Three significant digits or so at any size: a ratio of 0.01 needs more places than a rate of 12,000.
  const digits = size >= 100 ? 0 : size >= 10 ? 1 : size >= 0.1 || size === 0 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A plain-text table, one line per figure: median, then min–max over the runs. */
export function printTable(figures: readonly Figure[]): void {
  const header = ['benchmark', 'measure', 'median', 'min–max', 'unit', 'runs', 'note'];
  const rows = figures.map((figure) => [
    figure.benchmark,
    figure.measure,
    formatNumber(figure.spread.median),
    `${formatNumber(figure.spread.min)}–${formatNumber(figure.spread.max)}`,
    figure.unit,
    String(figure.spread.runs),
    figure.note ?? '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}
