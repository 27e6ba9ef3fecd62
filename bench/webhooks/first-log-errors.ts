import { readFile } from 'node:fs/promises';

// pino's numeric levels: 50 is error, 60 fatal.
const ERROR_LEVEL = 50;

/** The first `limit` error lines of a pino log file, so a failed run says why without keeping the file. */
export async function firstLogErrors(file: string, limit: number): Promise<string[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const errors = lines.filter((line) => {
    try {
      return ((JSON.parse(line) as { level?: number }).level ?? 0) >= ERROR_LEVEL;
    } catch {
      return line.trim() !== '';
    }
  });
  return errors.slice(0, limit).map((line) => line.slice(0, 2000));
}
