/**
 * Dates in dataset values. A Dataset is shared by every widget inside one `<offen-data>`, and one Date object serves
 * every cell of a column with the same text (a 100k-row budget export has a few hundred distinct days; a Date is
 * about 80 bytes, so sharing saves memory and garbage collection). Both only work if a value never changes, so
 * these Dates are read-only: every setter throws. They are still real Dates (`instanceof Date`, Intl,
 * `toISOString`); copy one with `new Date(date)` to change it.
 */
export class DatasetDate extends Date {}

for (const name of Object.getOwnPropertyNames(Date.prototype)) {
  if (!name.startsWith('set')) continue;
  Object.defineProperty(DatasetDate.prototype, name, {
    value(): never {
      throw new TypeError(`Dates in a dataset are read-only; change a copy: new Date(date).${name}(…)`);
    },
  });
}

/** A read-only Date of an instant (milliseconds since the epoch). */
export function datasetDate(time: number): Date {
  return new DatasetDate(time);
}
