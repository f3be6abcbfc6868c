import type { ModerationAction } from '../store/types.js';

/**
 * The events of the participant elements (`<participant-list>`, `<participants-toggle>`): one
 * class per event name, named after it. Both announce an action before it happens, are
 * cancelable, bubble and cross shadow roots.
 */

/**
 * Fired by `<participant-list>` when a moderator chose an action on a participant (for `remove`,
 * once it was confirmed), before the request goes to the store's moderator. Cancelable:
 * `preventDefault()` sends nothing.
 */
export class ParticipantActionEvent extends Event {
  /** Always `participant-action`. */
  declare readonly type: 'participant-action';
  /** What is to be done: `mute`, `remove`, `promote`, `lower-hand`, or (a waiting room) `admit` or `deny`. */
  readonly action: ModerationAction;
  /** The participant it is done to. */
  readonly identity: string;
  constructor(action: ModerationAction, identity: string) {
    super('participant-action', { bubbles: true, composed: true, cancelable: true });
    this.action = action;
    this.identity = identity;
  }
}

/**
 * Fired by `<participants-toggle>` when the user pressed it, before it changes its `pressed`
 * property. Cancelable: `preventDefault()` leaves `pressed` as it is. Show or hide your
 * `<participant-list>` on it.
 */
export class ParticipantsToggleEvent extends Event {
  /** Always `participants-toggle`. */
  declare readonly type: 'participants-toggle';
  /** Whether the participant list is to be shown. */
  readonly open: boolean;
  constructor(open: boolean) {
    super('participants-toggle', { bubbles: true, composed: true, cancelable: true });
    this.open = open;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'participant-action': ParticipantActionEvent;
    'participants-toggle': ParticipantsToggleEvent;
  }
}
