import type { HomeView, KnownBlock } from '@slack/types';
import { formatMoney } from '../../domain/money.ts';
import type { HomeContent } from '../../home/load-home.ts';
import { contextNote } from './list-line-blocks.ts';
import { myClaimBlocks } from './list-my-claims-blocks.ts';
import { escapeMrkdwn, section } from './text.ts';

// Slack refuses a view of more than 100 blocks; HOME_LIMITS keep the sections well inside it.
const MAX_VIEW_BLOCKS = 100;
// Owners listed at most, one line each in a single section (3,000 characters).
const MAX_OWNERS = 50;

const header = (text: string): KnownBlock => ({ type: 'header', text: { type: 'plain_text', text } });
const divider: KnownBlock = { type: 'divider' };

const OFFER_LABELS: Record<string, string> = {
  percent_discount: 'discount',
  lower_tier: 'lower plan',
  annual_incentive: 'annual deal',
  extended_trial: 'extended trial',
  session: 'session',
  beta_access: 'beta access',
  payment_grace: 'payment grace',
};

function unclaimedBlock(count: number): KnownBlock {
  if (count === 0) return section('No high-value churned account waits unclaimed.');
  const accounts = count === 1 ? '*1* high-value churned account waits' : `*${count}* high-value churned accounts wait`;
  return section(`${accounts} unclaimed: \`/winback list unclaimed\` shows them.`);
}

function managerBlocks(manager: NonNullable<HomeContent['manager']>): KnownBlock[] {
  const { approvals, teamClaims } = manager;
  const blocks: KnownBlock[] = [divider, header('Offers waiting for approval')];
  if (approvals.offers.length === 0) blocks.push(section('No offers waiting.'));
  for (const offer of approvals.offers) {
    const what = `${OFFER_LABELS[offer.type] ?? offer.type}, costs ${formatMoney(offer.cost)}`;
    blocks.push(section(`*${escapeMrkdwn(offer.displayName)}* · ${what} · proposed by <@${offer.proposerSlackId}>`));
  }
  const moreOffers = approvals.total - approvals.offers.length;
  if (moreOffers > 0) blocks.push(contextNote(`…and ${moreOffers} more waiting.`));

  blocks.push(divider, header("The team's claims"));
  if (teamClaims.length === 0) blocks.push(section('Nobody owns an account right now.'));
  const shown = teamClaims.slice(0, MAX_OWNERS);
  const lines = shown.map(({ ownerSlackId, accounts }) => `<@${ownerSlackId}> · ${accounts}`);
  if (lines.length > 0) blocks.push(section(lines.join('\n')));
  const moreOwners = teamClaims.length - lines.length;
  if (moreOwners > 0) blocks.push(contextNote(`…and ${moreOwners} more people with claims.`));
  return blocks;
}

/** The Home tab: your claims with their next step, what waits unclaimed, and for managers approvals and the team. */
export function homeView(content: HomeContent, now: Date): HomeView {
  const blocks: KnownBlock[] = [
    header('Your accounts'),
    ...myClaimBlocks(content.myClaims, now),
    divider,
    unclaimedBlock(content.unclaimedHighValue),
    ...(content.manager ? managerBlocks(content.manager) : []),
  ];
  return { type: 'home', blocks: blocks.slice(0, MAX_VIEW_BLOCKS) };
}

/** The Home tab when it could not be built: says so instead of leaving it blank. */
export function homeNoticeView(text: string): HomeView {
  return { type: 'home', blocks: [header('Your accounts'), section(text)] };
}
