// A minimal React 19 app, as a developer writes it: widgets imported from the package, a chart with properties and
// an offen-load listener, a map fed a Dataset through its `data` property. Built and opened by
// scripts/check-frameworks.mjs; type-checked by `npm run typecheck` with the package's JSX types.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type {} from 'offen-widgets/jsx';
import 'offen-widgets/chart';
import 'offen-widgets/map';
import { loadDataset, type Dataset } from 'offen-widgets/data';

function App() {
  const [count, setCount] = useState<number | undefined>();
  const [offers, setOffers] = useState<Dataset | undefined>();
  useEffect(() => {
    void loadDataset({ url: '/data/angebote.geojson' }).then(setOffers);
  }, []);
  return (
    <main>
      <offen-chart
        src="/data/haushalt.csv"
        heading="Haushalt aus React"
        y="Ansatz 2025 (€)"
        onoffen-load={(event) => setCount(event.detail.count)}
      ></offen-chart>
      <p id="count">{count === undefined ? 'lädt' : `${count} Zeilen geladen`}</p>
      {offers && <offen-map data={offers} consent="none" height="300px"></offen-map>}
    </main>
  );
}

createRoot(document.getElementById('app')!).render(<App />);
