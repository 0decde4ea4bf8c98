/**
 * The npm entry: classes and the data layer, without defining any element. Import a widget's own entry
 * (`offen-widgets/map`) to define its tag, or define the classes under names of your choice.
 */
export { OffenChart } from './components/chart/offen-chart.component.js';
export { OffenData } from './components/data/offen-data.component.js';
export { OffenEvents } from './components/events/offen-events.component.js';
export { OffenIdeas } from './components/ideas/offen-ideas.component.js';
export { OffenMap } from './components/map/offen-map.component.js';
export * from './data/index.js';
export { OffenElement } from './shared/offen-element.js';
export { OffenSourceElement } from './shared/source-element.js';
export { sharedDataContext, type SharedData, type FilterState, type LoadState } from './shared/context.js';
export { DataController, type LoadDetail } from './shared/data-controller.js';
export { safeUrl, safeWebUrl, telUrl } from './shared/safe-url.js';
