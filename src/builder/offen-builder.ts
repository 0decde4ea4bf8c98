import { OffenBuilder } from './offen-builder.component.js';

OffenBuilder.define('offen-builder');

declare global {
  interface HTMLElementTagNameMap {
    'offen-builder': OffenBuilder;
  }
}
