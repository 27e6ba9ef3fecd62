import { formatMoney } from '../../domain/money.ts';
import { describeOffer } from '../../domain/offers/describe-offer.ts';
import type { OfferTerms } from '../../domain/offers/offer-terms.ts';
import { escapeMrkdwn } from './text.ts';

/** The offer in a few words, escaped for mrkdwn: it may hold the proposer's words (a plan, a feature). */
export function offerText(terms: OfferTerms, currency: string): string {
  return escapeMrkdwn(describeOffer(terms, currency));
}

export interface OfferFiguresText {
  costMinor: number;
  clvMinor: number | null;
  expectedBackMinor: number | null;
  currency: string;
}

const share = (part: number, whole: number) => `${Math.round((part * 100) / whole)}%`;

/** "Cost *$75.00* · CLV $2,400.00 (3%) · expected back $1,200.00 (6%)": cost against what the account is worth. */
export function costText(figures: OfferFiguresText): string {
  const money = (minor: number) => formatMoney({ minor, currency: figures.currency });
  const parts = [`Cost *${money(figures.costMinor)}*`];
  const { clvMinor } = figures;
  if (clvMinor === null) parts.push('CLV not scored yet');
  else parts.push(`CLV ${money(clvMinor)}${clvMinor > 0 ? ` (${share(figures.costMinor, clvMinor)})` : ''}`);
  if (figures.expectedBackMinor !== null && figures.expectedBackMinor > 0) {
    parts.push(
      `expected back ${money(figures.expectedBackMinor)} (${share(figures.costMinor, figures.expectedBackMinor)})`,
    );
  }
  return parts.join(' · ');
}

/** A time Slack shows in each reader's own zone, with a UTC fallback for clients that cannot. */
export function slackTime(date: Date): string {
  const seconds = Math.floor(date.getTime() / 1000);
  return `<!date^${seconds}^{date_short_pretty} at {time}|${date.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
}

/** A note written by a person, quoted and escaped, one ">" per line. */
export function quoted(text: string): string {
  return escapeMrkdwn(text)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}
