/**
 * Participant attributes with a meaning to the elements, shared by the browser code and the
 * Node server helper.
 */

/** The capabilities a token grants (comma list), for the UI; the server trusts only the token. */
export const CAPABILITIES_ATTRIBUTE = 'mr.capabilities';

/** A raised hand: the ISO time it was raised; empty (deleted) when lowered. */
export const HAND_ATTRIBUTE = 'mr.hand';

/**
 * Waiting room: set by the server helper on a newcomer who knocks (the ISO time of the knock);
 * cleared when a host admits them.
 */
export const WAITING_ATTRIBUTE = 'mr.waiting';

/** Waiting room: set by the server helper just before a host's Deny removes the newcomer. */
export const DENIED_ATTRIBUTE = 'mr.denied';
