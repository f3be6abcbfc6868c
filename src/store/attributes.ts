/**
 * Participant attributes with a meaning to the elements, shared by the browser code and the
 * Node server helper.
 */

/** The capabilities a token grants (comma list), for the UI; the server trusts only the token. */
export const CAPABILITIES_ATTRIBUTE = 'mr.capabilities';

/** A raised hand: the ISO time it was raised; empty (deleted) when lowered. */
export const HAND_ATTRIBUTE = 'mr.hand';
