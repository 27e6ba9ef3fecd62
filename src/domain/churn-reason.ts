/** One taxonomy for why customers leave; mirrors the ChurnReason enum of schema.prisma. */
export const CHURN_REASONS = [
  'price',
  'missing_feature',
  'support',
  'competitor',
  'usability',
  'involuntary',
  'unused',
  'low_quality',
  'other',
] as const;

export type ChurnReason = (typeof CHURN_REASONS)[number];
