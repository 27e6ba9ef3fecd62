import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

export interface CsvReject {
  line: number;
  reason: string;
  raw: string;
}

/**
 * A CSV of the rows left out, in file order: the line they start on, why, and the record as written. Rows go to
 * disk as they are rejected, so a file with a million bad rows is never held in memory; the file appears at its
 * path only once the import that rejected them is committed.
 */
export class RejectsFile {
  private stream: WriteStream | null = null;
  private readonly partial: string;

  constructor(private readonly path: string) {
    this.partial = `${path}.partial`;
  }

  async add({ line, reason, raw }: CsvReject): Promise<void> {
    if (!this.stream) {
      this.stream = createWriteStream(this.partial, 'utf8');
      this.stream.write('line,reason,record\n');
    }
    if (!this.stream.write(`${line},${quote(reason)},${quote(raw)}\n`)) await once(this.stream, 'drain');
  }

  /** Moves the rejects to their path; false when no row was rejected. */
  async keep(): Promise<boolean> {
    if (!(await this.close())) return false;

    await rename(this.partial, this.path);
    return true;
  }

  /** The import was refused or failed: its rejects say nothing about what is stored. */
  async discard(): Promise<void> {
    if (await this.close()) await rm(this.partial, { force: true });
  }

  private async close(): Promise<boolean> {
    const stream = this.stream;
    if (!stream) return false;

    this.stream = null;
    stream.end();
    await once(stream, 'close');
    return true;
  }
}

/** Always quoted: reasons hold commas and records hold delimiters, quotes and line breaks. */
function quote(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}
