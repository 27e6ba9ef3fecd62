import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { formatTotals } from '../../domain/money.ts';
import type { NamedLine, ReasonsSummary } from '../../feedback/summarize-reasons.ts';
import { reasonLabel } from './digest-blocks.ts';
import { plainTextOf } from './plain-text.ts';
import { escapeMrkdwn, section } from './text.ts';

const accounts = (count: number) => `${count} account${count === 1 ? '' : 's'}`;
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function namedLines(title: string, lines: NamedLine[], none: string): KnownBlock {
  const body = lines.map(
    (line) => `• ${escapeMrkdwn(line.name)} — ${accounts(line.accounts)}, ${formatTotals(line.lostMrr)} MRR lost`,
  );
  return section(`*${title}*\n${body.length > 0 ? body.join('\n') : none}`);
}

/** `/winback reasons`: why accounts left in the period, what they asked for, where they went; most valuable first. */
export function reasonsReport(summary: ReasonsSummary, zone: string): { text: string; blocks: KnownBlock[] } {
  const day = (date: Date) => DateTime.fromJSDate(date, { zone }).setLocale('en-GB').toFormat('d LLL yyyy');
  const { period } = summary;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Churn reasons · ${period.label}` } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text:
            `${day(period.start)} – ${day(period.end)} · ${accounts(summary.churnedAccounts)} churned, ` +
            `${formatTotals(summary.lostMrr)} MRR lost · most valuable first`,
        },
      ],
    },
  ];
  if (summary.churnedAccounts === 0) {
    blocks.push(section('No account churned in that period.'));
  } else {
    const lines = summary.reasons.map((line) => {
      const label = capitalised(reasonLabel(line.reason));
      return `• *${label}* — ${accounts(line.accounts)}, ${formatTotals(line.lostMrr)} MRR lost`;
    });
    blocks.push(section(lines.join('\n')));
  }
  blocks.push(
    namedLines('Features they asked for', summary.features, 'None named in feedback in that period.'),
    namedLines('Competitors they moved to', summary.competitors, 'None named in feedback in that period.'),
  );
  return { text: plainTextOf(blocks), blocks };
}
