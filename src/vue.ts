/**
 * Vue 3 types (`offen-widgets/vue`): every offen element in Vue's `GlobalComponents`, with its public properties,
 * so templates type-check with vue-tsc. At run time tell Vue's compiler that `offen-*` tags are custom elements
 * (`compilerOptions.isCustomElement`, see docs/developers.md); Vue then sets a bound value as a property when the
 * element has one of that name, and `@offen-select` listens to the event. Add it once to the app:
 * `import type {} from 'offen-widgets/vue'`.
 */
import type { DefineComponent } from 'vue';
import type { OffenElementProps, OffenTagMap } from './framework-types.js';

declare module 'vue' {
  // An interface, not a type: module augmentation merges interfaces only.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends VueOffenComponents {}
}

type VueOffenComponents = { [Tag in keyof OffenTagMap]: DefineComponent<OffenElementProps<OffenTagMap[Tag]>> };

export {};
