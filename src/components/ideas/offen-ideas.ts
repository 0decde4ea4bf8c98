import { OffenIdeas } from './offen-ideas.component.js';

export { OffenIdeas };
OffenIdeas.define('offen-ideas');

declare global {
  interface HTMLElementTagNameMap {
    'offen-ideas': OffenIdeas;
  }
}
