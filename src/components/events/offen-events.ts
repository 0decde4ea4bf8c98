import { OffenEvents } from './offen-events.component.js';

export { OffenEvents };
export type { EventSelectDetail } from './offen-events.component.js';
export type { EventItem } from './event-model.js';
OffenEvents.define('offen-events');

declare global {
  interface HTMLElementTagNameMap {
    'offen-events': OffenEvents;
  }
}
