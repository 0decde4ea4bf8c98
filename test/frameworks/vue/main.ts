// A minimal Vue 3 app, as a developer writes it: `offen-*` tags declared as custom elements, a chart bound to
// reactive state with an offen-load listener, a map fed a Dataset through its `data` property. Built and opened by
// scripts/check-frameworks.mjs.
import { createApp, ref, shallowRef } from 'vue';
import type {} from 'offen-widgets/vue';
import 'offen-widgets/chart';
import 'offen-widgets/map';
import { loadDataset, type Dataset } from 'offen-widgets/data';

const app = createApp({
  setup() {
    const count = ref<number>();
    const heading = ref('Haushalt aus Vue');
    const offers = shallowRef<Dataset>();
    void loadDataset({ url: '/data/angebote.geojson' }).then((dataset) => (offers.value = dataset));
    const onLoad = (event: CustomEvent<{ count: number }>) => (count.value = event.detail.count);
    return { count, heading, offers, onLoad };
  },
  template: `
    <main>
      <offen-chart src="/data/haushalt.csv" :heading="heading" y="Ansatz 2025 (€)" @offen-load="onLoad"></offen-chart>
      <p id="count">{{ count === undefined ? 'lädt' : count + ' Zeilen geladen' }}</p>
      <offen-map v-if="offers" :data="offers" consent="none" height="300px"></offen-map>
    </main>`,
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('offen-');
app.mount('#app');
