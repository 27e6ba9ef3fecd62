/** The largest value of a PostgreSQL integer column, where amounts in minor units and counts are stored. */
export const INTEGER_COLUMN_MAX = 2_147_483_647;

/**
 * The largest CLV a threshold may name: CLV is a BIGINT column, read as a JavaScript number, which is exact up
 * to here (about 9 × 10^15 minor units).
 */
export const CLV_THRESHOLD_MAX = Number.MAX_SAFE_INTEGER;
