import type { Dataset, DataRecord } from '../../data/types.js';
import type { Idea, StatusKey } from './ideas-model.js';

/** The located ideas as a Dataset for `<offen-map>`: one point per idea, title, category, status label and votes. */
export function ideasToDataset(ideas: readonly Idea[], statusLabel: (status: StatusKey) => string): Dataset {
  const records: DataRecord[] = [];
  for (const idea of ideas) {
    if (idea.lat === undefined || idea.lon === undefined) continue;
    records.push({
      id: idea.id,
      values: {
        title: idea.title,
        category: idea.category ?? null,
        status: statusLabel(idea.status),
        votes: idea.votes,
        description: idea.description,
      },
      geometry: { type: 'Point', coordinates: [idea.lon, idea.lat] },
    });
  }
  return {
    fields: [
      { name: 'title', type: 'string' },
      { name: 'category', type: 'string' },
      { name: 'status', type: 'string' },
      { name: 'votes', type: 'number' },
      { name: 'description', type: 'string' },
    ],
    records,
    meta: { url: '', format: 'json', bytes: 0, fetchedAt: new Date(0), truncated: false },
  };
}
