import { loadAbResults } from '../../email/load-ab-results.ts';
import { templateOrRefuse } from '../../email/load-templates.ts';
import { abResultsMessage } from '../blocks/email-ab-blocks.ts';
import { subcommandUsage } from '../blocks/usage-blocks.ts';
import { emailDepsOrRefuse } from '../views/send-email-open.ts';
import type { Subcommand } from './subcommand.ts';

/** `/winback ab <template>`: how each subject variant did, with a two-proportion z-test against A. */
export const runAbCommand: Subcommand = async ({ args, deps, reply }) => {
  const [key] = args;
  if (!key) {
    await reply(subcommandUsage('ab', '`ab` needs a template name, such as `winback_price`.'));
    return;
  }
  const template = templateOrRefuse(emailDepsOrRefuse(deps).templates, key);
  const results = await loadAbResults(deps.prisma, template.key);
  await reply(abResultsMessage(results, template.subjects));
};
