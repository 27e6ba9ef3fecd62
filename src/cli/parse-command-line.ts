import { type ParseArgsConfig, parseArgs } from 'node:util';
import { WinbackError } from '../errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Node's parseArgs, with a malformed command line turned into a usage error that shows the command's usage. */
export function parseCommandLine<const O extends Options, const P extends boolean>(
  args: string[],
  options: O,
  usage: string,
  allowPositionals: P,
) {
  try {
    return parseArgs({ args, options, allowPositionals });
  } catch (error) {
    throw new WinbackError('usage', `${(error as Error).message}\n\n${usage}`);
  }
}
