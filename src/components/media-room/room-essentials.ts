/**
 * What `<media-room>` renders around any UI, loaded on demand as it first renders: the connection
 * banner, remote audio and the Start audio prompt.
 */
import '../connection-banner/connection-banner.js';
import '../room-audio/room-audio.js';
import '../start-audio/start-audio.js';
