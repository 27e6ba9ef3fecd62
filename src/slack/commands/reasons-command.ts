import { DEFAULT_PERIOD, parsePeriod } from '../../feedback/parse-period.ts';
import { summarizeReasons } from '../../feedback/summarize-reasons.ts';
import { reasonsReport } from '../blocks/reasons-blocks.ts';
import { escapeMrkdwn } from '../blocks/text.ts';
import { subcommandUsage } from '../blocks/usage-blocks.ts';
import type { Subcommand } from './subcommand.ts';

/** `/winback reasons [period]`: churn reasons, requested features and competitors; the last 90 days unless told. */
export const runReasonsCommand: Subcommand = async ({ rest, deps, reply }) => {
  const zone = deps.settings.WINBACK_TIMEZONE;
  const period = parsePeriod(rest || DEFAULT_PERIOD, new Date(), zone);
  if (!period) {
    const problem =
      `I can't read \`${escapeMrkdwn(rest.slice(0, 40))}\` as a period. ` +
      'Try `30d`, `12w`, `6m`, `q4`, `2026-h1` or `2026`.';
    await reply(subcommandUsage('reasons', problem));
    return;
  }
  await reply(reasonsReport(await summarizeReasons(deps.prisma, period), zone));
};
