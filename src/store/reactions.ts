/** Emoji reactions: sent as data messages on their own topic, shown briefly over the tile. */

/** The data-message topic of reactions. */
export const REACTION_TOPIC = 'mr.reaction';

/** The reactions one can send; anything else received is dropped. */
export const REACTIONS = ['👍', '👏', '😂', '❤️', '🎉', '😮'] as const;

export type ReactionEmoji = (typeof REACTIONS)[number];

/** How long a reaction stays in the snapshot (ms). */
export const REACTION_MS = 4000;

/** Reactions one sender may have showing at once; more are dropped until some expire. */
export const REACTIONS_PER_SENDER = 5;

export function isReaction(value: unknown): value is ReactionEmoji {
  return (REACTIONS as readonly unknown[]).includes(value);
}
