import { OffenData } from './offen-data.component.js';

export { OffenData };
OffenData.define('offen-data');

declare global {
  interface HTMLElementTagNameMap {
    'offen-data': OffenData;
  }
}
