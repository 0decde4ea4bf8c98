/**
 * JSX types for React 19 (`offen-widgets/jsx`): every offen element in `React.JSX.IntrinsicElements`, with its
 * public properties and its `offen-*` events as `onoffen-…` props. React 19 sets a prop as a property when the
 * element has one of that name (so objects such as a map's `data` pass as they are) and adds `on…` props of custom
 * elements as event listeners. Add it once to the app: `import type {} from 'offen-widgets/jsx'`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { OffenElementProps, OffenEventProps, OffenTagMap } from './framework-types.js';

type ReactWidget<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E> &
  OffenElementProps<E> &
  OffenEventProps & { class?: string };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // An interface, not a type: module augmentation merges interfaces only.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends ReactIntrinsicOffenElements {}
  }
}

type ReactIntrinsicOffenElements = { [Tag in keyof OffenTagMap]: ReactWidget<OffenTagMap[Tag]> };

export {};
