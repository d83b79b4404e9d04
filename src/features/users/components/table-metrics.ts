/** Fixed geometry of the users table: rows have one height, so the virtualizer never measures. */
export const ROW_HEIGHT = 36;
export const SELECT_WIDTH = 44;
