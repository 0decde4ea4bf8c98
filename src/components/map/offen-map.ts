import { OffenMap } from './offen-map.component.js';

export { OffenMap };
OffenMap.define('offen-map');

declare global {
  interface HTMLElementTagNameMap {
    'offen-map': OffenMap;
  }
}
