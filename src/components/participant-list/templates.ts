import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { LocalizeController } from '../../controllers/localize.js';
import { cssomStyle } from '../../internal/cssom-style.js';
import { icons } from '../../internal/icons.js';
import type { ModerationAction } from '../../store/types.js';
import { busyKey, type Row } from './rows.js';
import { initials } from '../../internal/initials.js';
import { NAME_SLOT, withName } from '../../internal/isolate.js';
import type { RowWindow } from './virtual.js';

/** What the row templates read of the element, and what they call back. */
export interface RowContext {
  readonly t: LocalizeController;
  readonly canModerate: boolean;
  readonly volumes: Readonly<Record<string, number>>;
  /** The row whose removal is being confirmed. */
  readonly confirming: string | undefined;
  /** Requests under way (`busyKey`). */
  readonly busy: ReadonlySet<string>;
  /** Fire `participant-action`, then moderate. */
  act(action: ModerationAction, row: Row): void;
  /** The identity a host spotlighted for everyone, if any. */
  readonly spotlight: string | undefined;
  /** Spotlight the row's participant for everyone, or take the spotlight away (a host). */
  toggleSpotlight(row: Row): void;
  /** Ask to confirm a removal. */
  askRemove(identity: string): void;
  /** Take back the question of a removal. */
  cancelRemove(identity: string): void;
  /** Escape in the question cancels it. */
  onConfirmKeyDown(e: KeyboardEvent): void;
  /** The volume slider of a row moved. */
  onVolume(identity: string, e: Event): void;
  /** The rows of the list labelled so to render (all of them when it gives none). */
  window(label: string, rows: readonly Row[]): RowWindow | undefined;
}

const percentFormats = new Map<string, Intl.NumberFormat>();
/** A volume as a percentage in the element's language, for the slider's `aria-valuetext`. */
function percent(lang: string, value: number): string {
  let format = percentFormats.get(lang);
  if (!format) {
    try {
      format = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
    } catch {
      format = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });
    }
    percentFormats.set(lang, format);
  }
  return format.format(value);
}

/** A group of rows (On stage, Audience) under its heading; nothing when it is empty. */
export function groupTemplate(
  ctx: RowContext,
  label: string,
  rows: readonly Row[],
): TemplateResult | typeof nothing {
  if (rows.length === 0) return nothing;
  return html`<div part="group">
    <h3 part="group-heading">${label}</h3>
    ${listTemplate(ctx, rows, label)}
  </div>`;
}

/**
 * A list of rows, keyed by identity: those of its window (see `virtual.ts`), the others standing
 * as padding; each row says its place in the whole list.
 */
export function listTemplate(ctx: RowContext, rows: readonly Row[], label: string): TemplateResult {
  const win = ctx.window(label, rows);
  const start = win?.start ?? 0;
  const shown = win ? rows.slice(win.start, win.end) : rows;
  const pad = win
    ? { paddingBlockStart: `${win.before}px`, paddingBlockEnd: `${win.after}px` }
    : {};
  return html`<ul
    part="list"
    role="list"
    aria-label=${label}
    data-list=${label}
    style=${cssomStyle(pad)}
  >
    ${repeat(
      shown,
      (r) => r.identity,
      (r, i) => rowTemplate(ctx, r, start + i + 1, rows.length),
    )}
  </ul>`;
}

/** One participant's row: initials, name, badge, hand, microphone and camera; controls for others. */
function rowTemplate(ctx: RowContext, row: Row, place: number, size: number): TemplateResult {
  const { t } = ctx;
  const hand = row.hand ? t.term('handRaised', row.hand) : '';
  const mic = row.mic === 'on' ? t.term('microphoneOn') : t.term('microphoneMuted');
  const camera = row.camera === 'on' ? t.term('cameraOn') : t.term('cameraOff');
  const name = row.isLocal ? t.term('you', row.name) : row.name;
  return html`<li
    part=${row.isLocal ? 'item local' : 'item'}
    data-identity=${row.identity}
    class=${row.reconnecting ? 'reconnecting' : ''}
    aria-posinset=${place}
    aria-setsize=${size}
  >
    <div class="main">
      <span part="avatar" aria-hidden="true">${initials(row.name, row.identity)}</span>
      <span class="who">
        ${
          row.isLocal
            ? html`<span part="name" title=${name}
                >${withName(t.term('you', NAME_SLOT), row.name)}</span
              >`
            : html`<span part="name" dir="auto" title=${name}>${row.name}</span>`
        }
        ${
          row.reconnecting
            ? html`<span part="reconnecting">${t.term('tileReconnecting')}</span>`
            : nothing
        }
        ${
          row.host
            ? html`<span part="role host">${t.term('roleHost')}</span>`
            : row.viewer
              ? html`<span part="role viewer">${t.term('roleViewer')}</span>`
              : nothing
        }
      </span>
      <span class="states">
        ${
          row.hand
            ? html`<span part="hand" role="img" aria-label=${hand} title=${hand}
                ><svg viewBox="0 0 24 24" aria-hidden="true">${icons.hand}</svg>${row.hand}</span
              >`
            : nothing
        }
        ${
          row.mic === 'none'
            ? nothing
            : html`<span
                part=${row.mic === 'on' ? 'mic' : 'mic off'}
                role="img"
                aria-label=${mic}
                title=${mic}
                ><svg viewBox="0 0 24 24" aria-hidden="true">
                  ${row.mic === 'on' ? icons.micOn : icons.micOff}
                </svg></span
              >`
        }
        ${
          row.camera === 'none'
            ? nothing
            : html`<span
                part=${row.camera === 'on' ? 'camera' : 'camera off'}
                role="img"
                aria-label=${camera}
                title=${camera}
                ><svg viewBox="0 0 24 24" aria-hidden="true">
                  ${row.camera === 'on' ? icons.camOn : icons.camOff}
                </svg></span
              >`
        }
      </span>
    </div>
    ${
      row.isLocal
        ? ctx.canModerate
          ? html`<div part="controls">
              <div part="actions" role="group" aria-label=${t.term('participantActions', name)}>
                ${spotlightButton(ctx, row)}
              </div>
            </div>`
          : nothing
        : controlsTemplate(ctx, row)
    }
  </li>`;
}

/** A remote row's controls: the volume and the moderator's actions, or the removal question. */
function controlsTemplate(ctx: RowContext, row: Row): TemplateResult {
  const { t, canModerate, volumes } = ctx;
  if (row.waiting) return waitingControls(ctx, row);
  if (canModerate && ctx.confirming === row.identity) {
    const question = t.term('moderateRemoveConfirm', row.name);
    const busy = ctx.busy.has(busyKey('remove', row.identity));
    return html`<div
      part="controls confirmation"
      role="group"
      aria-label=${question}
      @keydown=${ctx.onConfirmKeyDown}
    >
      <span class="question" title=${question}
        >${withName(t.term('moderateRemoveConfirm', NAME_SLOT), row.name)}</span
      >
      <button
        part="confirm"
        type="button"
        aria-busy=${busy ? 'true' : 'false'}
        aria-disabled=${busy ? 'true' : nothing}
        @click=${() => ctx.act('remove', row)}
      >
        ${t.term('confirm')}
      </button>
      <button part="cancel" type="button" @click=${() => ctx.cancelRemove(row.identity)}>
        ${t.term('cancel')}
      </button>
    </div>`;
  }
  const volume = volumes[row.identity] ?? 1;
  const volumeLabel = t.term('volumeOf', row.name);
  return html`<div part="controls">
    <label part="volume" title=${volumeLabel}>
      <svg viewBox="0 0 24 24" aria-hidden="true">${icons.volume}</svg>
      <input
        type="range"
        min="0"
        max="100"
        step="1"
        aria-label=${volumeLabel}
        aria-valuetext=${percent(t.lang, volume)}
        .value=${String(Math.round(volume * 100))}
        @input=${(e: Event) => ctx.onVolume(row.identity, e)}
      />
    </label>
    ${
      canModerate
        ? html`<div
            part="actions"
            role="group"
            aria-label=${t.term('participantActions', row.name)}
          >
            ${
              row.mic === 'on' && row.micSid
                ? actionButton(ctx, row, 'mute', t.term('moderateMute', row.name), icons.micOff)
                : nothing
            }
            ${
              row.viewer
                ? actionButton(
                    ctx,
                    row,
                    'promote',
                    t.term('moderatePromote', row.name),
                    icons.stage,
                  )
                : nothing
            }
            ${
              row.hand
                ? actionButton(
                    ctx,
                    row,
                    'lower-hand',
                    t.term('moderateLowerHand', row.name),
                    icons.hand,
                  )
                : nothing
            }
            ${spotlightButton(ctx, row)}
            <button
              part="remove"
              type="button"
              aria-label=${t.term('moderateRemove', row.name)}
              title=${t.term('moderateRemove', row.name)}
              @click=${() => ctx.askRemove(row.identity)}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true">${icons.removePerson}</svg>
            </button>
          </div>`
        : nothing
    }
  </div>`;
}

/**
 * A host's "Spotlight Ada for everyone" / "Remove spotlight from Ada" (a toggle: pressed while
 * the participant is in the spotlight), busy while its request is under way.
 */
function spotlightButton(ctx: RowContext, row: Row): TemplateResult {
  const on = ctx.spotlight === row.identity;
  const label = ctx.t.term(on ? 'moderateUnspotlight' : 'moderateSpotlight', row.name);
  const busy = ctx.busy.has(busyKey('spotlight', row.identity));
  return html`<button
    part=${on ? 'spotlight on' : 'spotlight'}
    type="button"
    aria-label=${label}
    title=${label}
    aria-pressed=${on ? 'true' : 'false'}
    aria-busy=${busy ? 'true' : 'false'}
    aria-disabled=${busy ? 'true' : nothing}
    @click=${() => ctx.toggleSpotlight(row)}
  >
    <svg viewBox="0 0 24 24" aria-hidden="true">${icons.spotlight}</svg>
  </button>`;
}

/** A moderator's action button, busy while its request is under way. */
function actionButton(
  ctx: RowContext,
  row: Row,
  action: 'mute' | 'promote' | 'lower-hand',
  label: string,
  icon: (typeof icons)[keyof typeof icons],
): TemplateResult {
  const busy = ctx.busy.has(busyKey(action, row.identity));
  return html`<button
    part=${action}
    type="button"
    aria-label=${label}
    title=${label}
    aria-busy=${busy ? 'true' : 'false'}
    aria-disabled=${busy ? 'true' : nothing}
    @click=${() => ctx.act(action, row)}
  >
    <svg viewBox="0 0 24 24" aria-hidden="true">${icon}</svg>
  </button>`;
}

/** A waiting participant's row: Admit and Deny (a moderator's only; others do not list them). */
function waitingControls(ctx: RowContext, row: Row): TemplateResult {
  const { t } = ctx;
  const button = (action: 'admit' | 'deny', text: string, label: string) => {
    const busy = ctx.busy.has(busyKey(action, row.identity));
    return html`<button
      part=${action}
      type="button"
      aria-label=${label}
      title=${label}
      aria-busy=${busy ? 'true' : 'false'}
      aria-disabled=${busy ? 'true' : nothing}
      @click=${() => ctx.act(action, row)}
    >
      ${text}
    </button>`;
  };
  return html`<div
    part="controls actions waiting-actions"
    role="group"
    aria-label=${t.term('participantActions', row.name)}
  >
    ${button('admit', t.term('waitingAdmit'), t.term('waitingAdmitName', row.name))}
    ${button('deny', t.term('waitingDeny'), t.term('waitingDenyName', row.name))}
  </div>`;
}
