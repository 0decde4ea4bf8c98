/** URLs of the files the test server serves (see test/servers/files.mjs). */
export const corpusUrl = (name: string) => new URL(`/corpus/${name}`, location.href).href;
export const fixtureUrl = (name: string) => new URL(`/fixtures/${name}`, location.href).href;
export const demoDataUrl = (name: string) => new URL(`/demo-data/${name}`, location.href).href;
export const faultUrl = (rest: string) => new URL(`/faults/${rest}`, location.href).href;

/** Reads a served file as text or bytes (to compare what a widget shows with the file itself). */
export async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  return response.text();
}
