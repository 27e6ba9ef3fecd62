import { listMyClaims, type MyClaim } from '../accounts/list-my-claims.ts';
import type { PrismaClient } from '../db/prisma.ts';
import type { HighValueRule } from '../digest/load-digest-content.ts';
import { countTeamClaims, type OwnerClaims } from './count-team-claims.ts';
import { countUnclaimedHighValue } from './count-unclaimed-high-value.ts';
import { listPendingApprovals, type PendingApproval } from './list-pending-approvals.ts';

/** Lines per Home tab section: enough to act on, and well inside Slack's 100 blocks per view. */
export const HOME_LIMITS = { myClaims: 20, approvals: 10 };

export interface HomeContent {
  myClaims: { claims: MyClaim[]; total: number };
  unclaimedHighValue: number;
  /** Only for managers. */
  manager: { approvals: { offers: PendingApproval[]; total: number }; teamClaims: OwnerClaims[] } | null;
}

export interface HomeOptions {
  userId: string;
  isManager: boolean;
  highValue: HighValueRule;
}

/** What the user's Home tab shows: their claims and next steps, what waits unclaimed, and for managers the team. */
export async function loadHome(prisma: PrismaClient, options: HomeOptions): Promise<HomeContent> {
  const [myClaims, unclaimedHighValue] = await Promise.all([
    listMyClaims(prisma, options.userId, HOME_LIMITS.myClaims),
    countUnclaimedHighValue(prisma, options.highValue),
  ]);
  if (!options.isManager) return { myClaims, unclaimedHighValue, manager: null };

  const [approvals, teamClaims] = await Promise.all([
    listPendingApprovals(prisma, HOME_LIMITS.approvals),
    countTeamClaims(prisma),
  ]);
  return { myClaims, unclaimedHighValue, manager: { approvals, teamClaims } };
}
