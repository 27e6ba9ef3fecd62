import type { KnownBlock } from '@slack/types';
import type { ProportionTest } from '../../domain/email/two-proportion-test.ts';
import type { AbResults, VariantResult } from '../../email/load-ab-results.ts';
import { plainTextOf } from './plain-text.ts';
import { escapeMrkdwn, section } from './text.ts';

const percent = (count: number, of: number) => (of === 0 ? '–' : `${((100 * count) / of).toFixed(1)}%`);

function variantLine(result: VariantResult, subject: string | undefined): string {
  const { sent } = result;
  const subjectText = subject ? ` “${escapeMrkdwn(subject)}”` : '';
  return (
    `*${escapeMrkdwn(result.variant)}*${subjectText}\n` +
    `sent ${sent} · delivered ${result.delivered} (${percent(result.delivered, sent)}) · ` +
    `opened ${result.opened} (${percent(result.opened, sent)}) · ` +
    `clicked ${result.clicked} (${percent(result.clicked, sent)}) · ` +
    `reactivated ${result.reactivated} (${percent(result.reactivated, sent)})`
  );
}

/** "p = 0.034, significant at 5%", or the reason there is no answer yet. */
export function significanceText(test: ProportionTest): string {
  const p = test.pValue < 0.001 ? 'p < 0.001' : `p = ${test.pValue.toFixed(3)}`;
  const verdict = test.pValue < 0.05 ? 'a real difference (5% level)' : 'could be chance';
  return `z = ${test.z.toFixed(2)}, ${p}: ${verdict}`;
}

/** `/winback ab <template>`: each variant's figures, and each variant against the first. */
export function abResultsMessage(
  results: AbResults,
  subjects: Record<string, string>,
): { text: string; blocks: KnownBlock[] } {
  const name = `\`${escapeMrkdwn(results.template)}\``;
  if (results.variants.length === 0) {
    const text = `No email from ${name} has been sent yet, so there are no results to compare.`;
    return { text, blocks: [section(text)] };
  }
  const blocks: KnownBlock[] = [section(`*A/B results for ${name}* (rates per email sent)`)];
  for (const variant of results.variants) blocks.push(section(variantLine(variant, subjects[variant.variant])));
  for (const comparison of results.comparisons) {
    const pair = `*${escapeMrkdwn(comparison.variant)} against ${escapeMrkdwn(comparison.against)}*`;
    blocks.push(
      section(
        `${pair}\nopened: ${significanceText(comparison.opened)}\nclicked: ${significanceText(comparison.clicked)}\n` +
          `reactivated: ${significanceText(comparison.reactivated)}`,
      ),
    );
  }
  if (results.variants.length === 1)
    blocks.push(section('Only one variant has been sent so far: nothing to compare yet.'));
  return { text: plainTextOf(blocks), blocks };
}
