// `npm run analyze` writes custom-elements.json from the JSDoc on the element classes (Lit support on).
export default {
  // The element classes, the files that define their tags and the base classes they inherit attributes from.
  globs: [
    'src/components/*/offen-*.component.ts',
    'src/components/*/offen-*.ts',
    'src/shared/offen-element.ts',
    'src/shared/source-element.ts',
  ],
  exclude: [
    'src/**/*.test.ts',
    'src/**/*.d.ts',
    'src/components/*/offen-*.styles.ts',
    'src/components/*/offen-*.strings.ts',
  ],
  outdir: '.',
  litelement: true,
};
