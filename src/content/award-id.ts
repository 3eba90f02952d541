/**
 * The form of an award's id, which names its files and pages (`credentials/<id>.json`): kept apart
 * from the award schema so that browser code (the wallet page) can check an id without the
 * schema library.
 */
export const AWARD_ID_PATTERN = /^[a-z0-9][a-z0-9-]{7,63}$/;
