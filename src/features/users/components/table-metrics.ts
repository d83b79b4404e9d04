/** Fixed geometry of the users table: rows have one height, so the virtualizer never measures. */
export const ROW_HEIGHT = 36;
export const SELECT_WIDTH = 44;
/** Room for a row's Resend code, Confirm and Copy buttons; the actions track grows past it to fill the screen. */
export const ACTIONS_WIDTH = 250;
