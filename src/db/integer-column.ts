/** The largest value of a PostgreSQL integer column, where amounts in minor units and counts are stored. */
export const INTEGER_COLUMN_MAX = 2_147_483_647;
