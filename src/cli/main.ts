import { isWinbackError, WinbackError } from '../errors.ts';
import { runDemo } from './demo-command.ts';
import { runDigest } from './digest-command.ts';
import { runHelp } from './help-command.ts';
import { runImport } from './import-command.ts';
import { runMigrate } from './migrate-command.ts';
import { runScore } from './score-command.ts';
import { runSegments } from './segments-command.ts';
import { runStart } from './start-command.ts';

/** A command that reads no arguments refuses any, rather than run as if a misspelt option were not there. */
function withoutArguments(name: string, run: () => Promise<void>) {
  return async (args: string[]) => {
    if (args.length > 0) {
      throw new WinbackError(
        'usage',
        `\`winback ${name}\` takes no arguments, got "${args.join(' ')}". Run \`npx winback help\`.`,
      );
    }
    await run();
  };
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  demo: withoutArguments('demo', runDemo),
  digest: runDigest,
  help: runHelp,
  import: runImport,
  migrate: withoutArguments('migrate', runMigrate),
  score: withoutArguments('score', runScore),
  segments: runSegments,
  start: withoutArguments('start', runStart),
};

const [name = 'help', ...args] = process.argv.slice(2);
const command = COMMANDS[name === '--help' || name === '-h' ? 'help' : name];

if (!command) {
  console.error(`winback: unknown command "${name}". Run \`npx winback help\` for the list.`);
  process.exitCode = 2;
} else {
  try {
    await command(args);
  } catch (error) {
    // Our own errors carry a sentence for the user; anything else is a bug worth its stack.
    console.error(isWinbackError(error) ? error.message : error);
    process.exitCode = isWinbackError(error, 'usage') ? 2 : 1;
  }
}
