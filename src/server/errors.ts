/** Raised for a participant, track or room the server does not know (HTTP 404). */
export class NotFoundError extends Error {}
